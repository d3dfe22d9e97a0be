import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ZodType } from 'zod'
import { generate } from '../../../generator/src/generate.js'

/** The two dialects gatehouse reads: OpenAPI 3.1's JSON Schema 2020-12 and OpenAPI 3.0's draft 4 base. */
export type Draft = 'draft2020-12' | 'draft4'

/** One test of the official suite, with where it comes from. */
export interface SuiteCase {
  /** `file › group › test`, the key of the known-failures list. */
  id: string
  file: string
  data: unknown
  valid: boolean
}

/** One group of a suite file: a schema and the instances that must (not) validate against it. */
export interface SuiteGroup {
  file: string
  description: string
  schema: unknown
  tests: Array<{ description: string; data: unknown; valid: boolean }>
  /** Why the group is out of scope, when it is. */
  excluded?: string
}

const ROOT = fileURLToPath(new URL('../../fixtures/json-schema-test-suite/', import.meta.url))
const TMP = fileURLToPath(new URL('../../.tmp/suite/', import.meta.url))

/** Every group of the vendored files of a draft (core files, then optional/format), scope decided. */
export function loadSuite(draft: Draft): SuiteGroup[] {
  const groups: SuiteGroup[] = []
  for (const dir of ['', 'optional/format/']) {
    for (const name of readdirSync(ROOT + draft + '/' + dir).filter((f) => f.endsWith('.json')).sort()) {
      const file = dir + name.slice(0, -5)
      const parsed = JSON.parse(readFileSync(`${ROOT}${draft}/${dir}${name}`, 'utf8')) as Array<Omit<SuiteGroup, 'file'>>
      for (const group of parsed) {
        const excluded = outOfScope(group.schema, draft)
        groups.push({ file, ...group, ...(excluded ? { excluded } : {}) })
      }
    }
  }
  return groups
}

// Schema-valued keywords, by shape, so `properties: { $id: … }` is a property name and `enum` data is never walked.
const ONE = ['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems']
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']

/** Calls `visit` on every subschema (the schema itself first), following the keywords' shapes. */
function walk(schema: unknown, visit: (schema: Record<string, unknown>) => void): void {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return
  const object = schema as Record<string, unknown>
  visit(object)
  for (const key of ONE) walk(object[key], visit)
  for (const key of LIST) if (Array.isArray(object[key])) for (const item of object[key] as unknown[]) walk(item, visit)
  if (Array.isArray(object.items)) for (const item of object.items) walk(item, visit)
  else walk(object.items, visit)
  for (const key of MAP) {
    const map = object[key]
    if (map !== null && typeof map === 'object') for (const value of Object.values(map)) if (!Array.isArray(value)) walk(value, visit)
  }
}

/**
 * What an OpenAPI document cannot express, so the group is not counted (the same rule for every
 * tool the issue compared): identifiers and anchors that re-base references (`$id`, draft 4 `id`,
 * `$anchor`, `$dynamicRef`/`$dynamicAnchor`) and references to other documents (remote refs).
 * A component schema's refs are resolved in the OpenAPI document, where only JSON pointers work.
 */
function outOfScope(schema: unknown, draft: Draft): string | undefined {
  let reason: string | undefined
  walk(schema, (s) => {
    if (reason) return
    if ('$id' in s || (draft === 'draft4' && typeof s.id === 'string')) reason = '$id re-bases references'
    else if ('$anchor' in s || '$dynamicAnchor' in s) reason = 'anchors'
    else if ('$dynamicRef' in s) reason = '$dynamicRef'
    else if (typeof s.$ref === 'string' && !s.$ref.startsWith('#')) reason = 'remote $ref'
  })
  return reason
}

/** The schema as a component at `#/components/schemas/<name>`: its `#…` refs now point inside that component. */
function asComponent(schema: unknown, name: string): unknown {
  const copy = structuredClone(schema)
  walk(copy, (s) => {
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#')) s.$ref = `#/components/schemas/${name}${s.$ref.slice(1)}`
  })
  return copy
}

/** What a generated schemas.ts exports, as the suite uses it. */
export type Components = Record<string, ZodType>

/**
 * Puts every group of one suite file into one OpenAPI document (3.1.0 for 2020-12, 3.0.3 for
 * draft 4) as components `G0`, `G1`, …, generates it with the real generator (`generate()`:
 * loader, model and every emitter, types.ts included) and imports the generated schemas.ts.
 */
export async function generateGroups(draft: Draft, file: string, groups: SuiteGroup[]): Promise<Components> {
  const schemas: Record<string, unknown> = {}
  groups.forEach((group, i) => (schemas[`G${i}`] = asComponent(group.schema, `G${i}`)))
  const document = {
    openapi: draft === 'draft4' ? '3.0.3' : '3.1.0',
    info: { title: `${draft} ${file}`, version: '1' },
    paths: {},
    components: { schemas },
  }
  const dir = `${TMP}${draft}/${file.replace(/\//g, '-')}/`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${dir}spec.json`, JSON.stringify(document, null, 2))
  await generate({ spec: `${dir}spec.json`, out: `${dir}out` })
  const module = (await import(pathToFileURL(`${dir}out/schemas.ts`).href)) as { componentSchemas: Components }
  return module.componentSchemas
}
