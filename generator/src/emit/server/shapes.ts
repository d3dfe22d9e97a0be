import type { ApiModel, JsonSchema, Operation, Parameter } from '../../model/types.js'
import { componentName } from '../schemas/schema-utils.js'

/** Follows local `#/components/schemas/*` refs (bounded, so a ref cycle cannot loop). */
export function resolveSchema(model: ApiModel, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema
  for (let depth = 0; depth < 16 && typeof current === 'object' && typeof current.$ref === 'string'; depth++) {
    const name = componentName(current.$ref as string)
    current = name === undefined ? undefined : model.schemas.find((s) => s.name === name)?.schema
  }
  return current
}

function types(schema: JsonSchema | undefined): string[] {
  if (typeof schema !== 'object') return []
  if (typeof schema.type === 'string') return [schema.type]
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string')
  if (schema.items !== undefined) return ['array']
  if (schema.properties !== undefined) return ['object']
  return []
}

/** The runtime's parameter metadata (`ParameterDefinition`) for one parameter; defaults are left out. */
export function parameterData(model: ApiModel, p: Parameter): Record<string, unknown> {
  const schema = resolveSchema(model, p.schema)
  const t = types(schema)
  const secret = typeof schema === 'object' && (schema.format === 'password' || schema.writeOnly === true)
  return {
    name: p.name,
    in: p.in,
    required: p.required,
    style: p.style,
    explode: p.explode,
    array: t.includes('array') || undefined,
    object: (t.includes('object') && !t.includes('array')) || undefined,
    json: (p.contentType !== undefined && /json/i.test(p.contentType)) || undefined,
    secret: secret || undefined,
  }
}

/** Status → declared response media types, in spec order. */
export function responseData(op: Operation): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const r of op.responses) out[r.status] = r.content.map((m) => m.type)
  return out
}

/**
 * Status → the response headers the spec marks `required: true`, lower-cased, for development
 * mode's reply check; `WWW-Authenticate` is left out (the pipeline adds a 401's challenges).
 */
export function requiredHeaderData(op: Operation): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {}
  for (const r of op.responses) {
    const names = r.headers.filter((h) => h.required && h.name.toLowerCase() !== 'www-authenticate').map((h) => h.name.toLowerCase())
    if (names.length > 0) out[r.status] = names
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** Which schemes need a verifier: those some operation requires and whose credential the runtime can read. */
export function usedSchemes(model: ApiModel, credential: (name: string) => string): string[] {
  const used = new Set<string>()
  for (const op of model.operations) for (const alt of op.security.alternatives) for (const s of alt.schemes) used.add(s.scheme)
  return model.schemes.map((s) => s.name).filter((name) => used.has(name) && credential(name) !== 'unsupported')
}
