import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ZodType } from 'zod'
import { emitSchemas } from '../../../generator/src/emit/schemas/index.js'
import type {
  ApiModel,
  JsonSchema,
  MediaType,
  Operation,
  Parameter,
  ParameterLocation,
  Response,
} from '../../../generator/src/model/types.js'

const TMP = fileURLToPath(new URL('../../.tmp/schemas-tests/', import.meta.url))

/** A hand-built model: emitters read nothing else, so tests need no loader. */
export function modelOf(parts: {
  openapi?: '3.0' | '3.1'
  schemas?: Record<string, JsonSchema>
  operations?: Operation[]
}): ApiModel {
  const schemas = parts.schemas ?? {}
  return {
    openapiVersion: parts.openapi ?? '3.1',
    title: 'test',
    version: '1',
    exposeScopes: true,
    schemes: [],
    operations: parts.operations ?? [],
    schemas: Object.entries(schemas).map(([name, schema]) => ({ name, schema, pointer: `/components/schemas/${name}` })),
    diagnostics: [],
    document: { openapi: parts.openapi === '3.0' ? '3.0.3' : '3.1.0', components: { schemas } },
    sourceFile: '/virtual/test.yaml',
    locate: () => undefined,
  }
}

/** One parameter with the model's defaults (style form/simple, explode for form). */
export function parameter(name: string, location: ParameterLocation, schema: JsonSchema | undefined, extra: Partial<Parameter> = {}): Parameter {
  const form = location === 'query' || location === 'cookie'
  return {
    name,
    in: location,
    required: location === 'path',
    style: form ? 'form' : 'simple',
    explode: form,
    allowReserved: false,
    deprecated: false,
    ...(schema === undefined ? {} : { schema }),
    pointer: `/x/${name}`,
    ...extra,
  }
}

const media = (content: Record<string, JsonSchema | undefined>): MediaType[] =>
  Object.entries(content).map(([type, schema]) => ({ type, pointer: `/x/${type}`, ...(schema === undefined ? {} : { schema }) }))

/** One operation; only what schemas.ts reads is filled in meaningfully. */
export function operationOf(
  name: string,
  parts: {
    parameters?: Parameter[]
    body?: { required?: boolean; content: Record<string, JsonSchema | undefined> }
    responses?: Record<string, Record<string, JsonSchema | undefined>>
  } = {},
): Operation {
  const parameters: Record<ParameterLocation, Parameter[]> = { path: [], query: [], header: [], cookie: [] }
  for (const p of parts.parameters ?? []) parameters[p.in].push(p)
  const responses: Response[] = Object.entries(parts.responses ?? { '204': {} }).map(([status, content]) => ({
    status,
    description: status,
    headers: [],
    content: media(content),
    pointer: `/x/${status}`,
  }))
  return {
    name,
    operationId: name,
    method: 'post',
    path: `/${name}`,
    pointer: `/paths/~1${name}/post`,
    tags: [],
    deprecated: false,
    parameters,
    ...(parts.body ? { requestBody: { required: parts.body.required ?? false, content: media(parts.body.content), pointer: '/x/body' } } : {}),
    responses,
    security: { alternatives: [], public: true, optional: false, source: 'none' },
    hideForbidden: false,
    exposeScopes: true,
    credentialsExchange: false,
  }
}

/** What a generated `schemas.ts` exports, loosely typed for tests. */
export interface GeneratedSchemas {
  source: string
  componentSchemas: Record<string, ZodType>
  operationSchemas: Record<
    string,
    {
      path?: ZodType
      query?: ZodType
      header?: ZodType
      cookie?: ZodType
      body?: { required: boolean; content: Record<string, ZodType> }
      responses: Record<string, Record<string, ZodType>>
    }
  >
}

const used = new Set<string>()

/**
 * Emits `schemas.ts` for the model, writes it to test/.tmp/schemas-tests/<tag>.ts
 * (overwritten on every run, so nothing piles up) and imports it for real.
 * Tags are unique across the suite: a reused one would hit the module cache.
 */
export async function generate(model: ApiModel, tag: string): Promise<GeneratedSchemas> {
  if (used.has(tag)) throw new Error(`generate(): tag ${tag} already used in this process`)
  used.add(tag)
  const source = emitSchemas(model, `${tag}.yaml`)
  mkdirSync(TMP, { recursive: true })
  const file = `${TMP}${tag}.ts`
  writeFileSync(file, source)
  const module = (await import(pathToFileURL(file).href)) as Omit<GeneratedSchemas, 'source'>
  return { source, ...module }
}
