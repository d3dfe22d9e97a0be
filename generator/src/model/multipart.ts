// Which parts of a multipart/form-data body carry JSON. The server decodes those before validation;
// every other text part stays a string (coerced by the schema like a URL-encoded field).
import { getAt } from '../load/pointer.js'
import { isObj, type BuildContext, type Obj } from './context.js'

/** A schema with its local `$ref`s followed (stops at a cycle or a dangling ref: the emitters report those). */
function resolve(ctx: BuildContext, schema: unknown): Obj | undefined {
  const seen = new Set<string>()
  let current = schema
  while (isObj(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#') && !seen.has(current.$ref)) {
    seen.add(current.$ref)
    current = getAt(ctx.doc, current.$ref)
  }
  return isObj(current) ? current : undefined
}

const types = (schema: Obj): unknown[] => (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type])

/** An object schema: `type: object` (alone or with `null`), or untyped with object keywords; every branch of a oneOf/anyOf. */
function isObjectSchema(ctx: BuildContext, raw: unknown, depth = 0): boolean {
  const schema = resolve(ctx, raw)
  if (!schema || depth > 8) return false
  const t = types(schema)
  if (t.length > 0) return t.includes('object') && t.every((x) => x === 'object' || x === 'null')
  if (isObj(schema.properties) || schema.additionalProperties !== undefined) return true
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.allOf) ? schema.allOf : undefined
  return branches !== undefined && branches.length > 0 && branches.every((b) => isObjectSchema(ctx, b, depth + 1))
}

/** OpenAPI's default part type is JSON for an object property and for an array of objects (Encoding Object, `contentType`). */
function defaultsToJson(ctx: BuildContext, raw: unknown): boolean {
  const schema = resolve(ctx, raw)
  if (!schema) return false
  if (types(schema).includes('array')) return isObjectSchema(ctx, schema.items)
  return isObjectSchema(ctx, schema)
}

/** The properties of a body schema, through `$ref`s and `allOf` (the shapes a form body takes). */
function properties(ctx: BuildContext, raw: unknown, out: Map<string, unknown>, depth = 0): Map<string, unknown> {
  const schema = resolve(ctx, raw)
  if (!schema || depth > 8) return out
  if (isObj(schema.properties)) for (const [name, property] of Object.entries(schema.properties)) if (!out.has(name)) out.set(name, property)
  if (Array.isArray(schema.allOf)) for (const member of schema.allOf) properties(ctx, member, out, depth + 1)
  return out
}

const isJsonType = (type: string) => type.split(',').every((t) => /^application\/(?:[^;\s]*\+)?json\s*(?:;|$)/i.test(t.trim()))

/**
 * The fields of a multipart body whose parts are JSON: an explicit `encoding.<field>.contentType`
 * that names a JSON type, else (no explicit type) an object or array-of-objects property.
 */
export function jsonParts(ctx: BuildContext, schema: unknown, explicit: Readonly<Record<string, string>> | undefined): string[] {
  const fields: string[] = []
  const listed = properties(ctx, schema, new Map())
  for (const [name, property] of listed) {
    const declared = explicit?.[name]
    if (declared !== undefined ? isJsonType(declared) : defaultsToJson(ctx, property)) fields.push(name)
  }
  // An encoding entry for a field the schema does not list (additionalProperties) still counts.
  for (const [name, declared] of Object.entries(explicit ?? {})) if (!listed.has(name) && isJsonType(declared)) fields.push(name)
  return fields
}
