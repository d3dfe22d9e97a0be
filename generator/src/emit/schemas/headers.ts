// Response header schemas for development mode's reply check (`checkReply` in @gatehouse/server):
// built lazily like every schema of schemas.ts, so production, which never checks replies, never
// builds them.
import type { Response } from '../../model/types.js'
import { isAnnotation, type Ctx, type TranslateEnv } from './context.js'
import { FORMAT_CHECKS } from './formats.js'
import { call, type Expr, method, object, zod } from './expr.js'
import { translate } from './json-schema.js'
import { asObject, deref } from './schema-utils.js'

const typesOf = (schema: unknown): unknown[] => {
  const type = asObject(schema)?.type
  return Array.isArray(type) ? type : type === undefined ? [] : [type]
}

/** A schema every header value passes (a string with no constraint): nothing worth checking. */
function acceptsAnyText(schema: unknown): boolean {
  if (schema === true) return true
  const object = asObject(schema)
  if (!object) return false
  return Object.entries(object).every(([key, value]) => {
    if (key === 'format') return typeof value !== 'string' || !(value in FORMAT_CHECKS)
    if (key === 'type') return value === 'string' || (Array.isArray(value) && value.includes('string'))
    return isAnnotation(key)
  })
}

/**
 * One response's declared headers as one loose object keyed by lower-cased name. Values are the
 * header's text, so scalars coerce as parameters do and an array is a comma-separated list (style
 * `simple`); every member is optional (a missing required header is reported by name instead).
 * Skipped: `Content-Type` (OpenAPI ignores its definition), `WWW-Authenticate` (the pipeline writes
 * the challenges), headers any text satisfies, and object-valued headers, whose `simple`
 * serialization a schema cannot tell from a list.
 */
export function responseHeadersExpr(response: Response, env: TranslateEnv): Expr | undefined {
  const shape = new Map<string, Expr>()
  for (const header of response.headers) {
    const key = header.name.toLowerCase()
    if (header.schema === undefined || key === 'content-type' || key === 'www-authenticate' || shape.has(key)) continue
    const resolved = deref(header.schema, env.index)
    const types = typesOf(resolved)
    if (types.includes('object') || acceptsAnyText(resolved)) continue
    const ctx: Ctx = { env, mode: 'plain', coerce: true, inlining: new Set(), depth: 0 }
    let expr = translate(header.schema, ctx)
    if (types.includes('array')) expr = call(env.helper('$list'), expr)
    shape.set(key, method(expr, 'optional'))
  }
  return shape.size === 0 ? undefined : zod('looseObject', object([...shape]))
}
