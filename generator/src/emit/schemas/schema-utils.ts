import type { JsonSchema } from '../../model/types.js'

/** A JSON Schema object (never a boolean schema). */
export type SchemaObject = { [key: string]: unknown }

/** Which side of the wire a schema validates: `readOnly` drops from requests, `writeOnly` from responses (OpenAPI 3.1 §4.8.24). */
export type Mode = 'plain' | 'request' | 'response'

/** What the translator may look up besides the schema in hand: component schemas and the bundled document for other local refs. */
export interface SchemaIndex {
  components: ReadonlyMap<string, JsonSchema>
  document: Record<string, unknown>
  /** 3.0 ignores keywords next to `$ref`; 3.1 applies them. */
  openapi: '3.0' | '3.1'
}

/** The schema as an object, or undefined for boolean schemas and non-objects. */
export function asObject(schema: unknown): SchemaObject | undefined {
  return schema !== null && typeof schema === 'object' && !Array.isArray(schema) ? (schema as SchemaObject) : undefined
}

const COMPONENT_PREFIX = '#/components/schemas/'

/** The component name a `$ref` points at, or undefined for any other reference. */
export function componentName(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT_PREFIX)) return undefined
  const rest = ref.slice(COMPONENT_PREFIX.length)
  if (rest.includes('/')) return undefined
  return unescapePointerToken(rest)
}

function unescapePointerToken(token: string): string {
  let decoded = token
  try {
    decoded = decodeURIComponent(token)
  } catch {
    // Not percent-encoded: use as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** Resolves a local `#/…` reference inside the bundled document (RFC 6901); undefined when it dangles. */
export function resolveLocalRef(document: Record<string, unknown>, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = document
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = unescapePointerToken(token)
    if (Array.isArray(node)) node = node[Number(key)]
    else if (asObject(node)) node = (node as SchemaObject)[key]
    else return undefined
  }
  return typeof node === 'boolean' || asObject(node) ? (node as JsonSchema) : undefined
}

/** The `$ref` of a schema, if it has one. */
export function refOf(schema: unknown): string | undefined {
  const ref = asObject(schema)?.$ref
  return typeof ref === 'string' ? ref : undefined
}

/** Follows component and local refs (up to a small depth) to the schema that carries the keywords. */
export function deref(schema: JsonSchema | undefined, index: SchemaIndex): JsonSchema | undefined {
  let current = schema
  for (let hops = 0; hops < 16; hops++) {
    const ref = refOf(current)
    if (ref === undefined) return current
    const name = componentName(ref)
    current = name !== undefined ? index.components.get(name) : resolveLocalRef(index.document, ref)
  }
  return undefined
}

/** Whether a property must be left out in this mode: `readOnly` in requests, `writeOnly` in responses. */
export function isDropped(property: JsonSchema, mode: Mode, index: SchemaIndex): boolean {
  if (mode === 'plain') return false
  const flag = mode === 'request' ? 'readOnly' : 'writeOnly'
  const own = asObject(property)
  if (own === undefined) return false
  if (own[flag] === true) return true
  if (own.$ref !== undefined) return asObject(deref(property, index))?.[flag] === true
  return false
}

/** The subschemas the translator descends into, for reference and property walks. */
export function* subschemas(schema: SchemaObject): Generator<JsonSchema> {
  for (const key of ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const) {
    const list = schema[key]
    if (Array.isArray(list)) yield* list as JsonSchema[]
  }
  for (const key of ['properties', 'patternProperties', 'dependentSchemas', 'dependencies'] as const) {
    const map = asObject(schema[key])
    if (map) for (const value of Object.values(map)) if (!Array.isArray(value)) yield value as JsonSchema
  }
  const items = schema.items
  if (Array.isArray(items)) yield* items as JsonSchema[]
  else if (items !== undefined) yield items as JsonSchema
  const single = ['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'] as const
  for (const key of single) {
    const sub = schema[key]
    if (sub !== undefined && typeof sub !== 'boolean') yield sub as JsonSchema
  }
}
