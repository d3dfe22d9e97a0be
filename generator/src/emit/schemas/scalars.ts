import type { Ctx } from './context.js'
import { array, call, code, comment, type Expr, literal, method, quote, zod, zodPath } from './expr.js'
import type { SchemaObject } from './schema-utils.js'

const STRING_FORMATS: Record<string, () => Expr> = {
  'date-time': () => zodPath(['iso', 'datetime'], literal({ offset: true })),
  date: () => zodPath(['iso', 'date']),
  time: () => zodPath(['iso', 'time']),
  email: () => zod('email'),
  uuid: () => zod('uuid'),
  uri: () => zod('url'),
  url: () => zod('url'),
  ipv4: () => zod('ipv4'),
  ipv6: () => zod('ipv6'),
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** A `type: string` schema: format (unknown formats ignored), length bounds and `pattern`. */
export function stringExpr(schema: SchemaObject): Expr {
  const format = typeof schema.format === 'string' ? schema.format : undefined
  // A binary "string" is a file part (multipart) or raw bytes: the server hands over whatever it parsed.
  if (format === 'binary') return comment('format: binary', zod('unknown'))
  // Kubernetes declares IntOrString as `type: string` with this format, yet sends `maxSurge: 1`.
  if (format === 'int-or-string') return zod('union', array([zod('string'), zod('int')]))
  let expr = (format !== undefined ? STRING_FORMATS[format]?.() : undefined) ?? zod('string')
  if (finite(schema.minLength) && schema.minLength > 0) expr = method(expr, 'min', literal(schema.minLength))
  if (finite(schema.maxLength)) expr = method(expr, 'max', literal(schema.maxLength))
  if (typeof schema.pattern === 'string') expr = withPattern(expr, schema.pattern)
  return expr
}

/**
 * `pattern` is an ECMA-262 regex read with the `u` flag (as JSON Schema
 * validators do, so `\p{L}` means a letter); real specs often carry escapes
 * only legal without it, so that is the fallback. One that compiles neither
 * way is skipped with a comment, never fatal.
 */
function withPattern(expr: Expr, pattern: string): Expr {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags)
      const args = flags === '' ? [code(quote(pattern))] : [code(quote(pattern)), code(quote(flags))]
      return method(expr, 'regex', call(code('new RegExp'), ...args))
    } catch {
      // Try the next flag set.
    }
  }
  return comment(`pattern skipped (not a valid ECMAScript regex): ${pattern}`, expr)
}

/** A `type: number|integer` schema: int32/int64 ranges, bounds (3.0 boolean and 3.1 numeric exclusives), `multipleOf`. */
export function numberExpr(schema: SchemaObject, integer: boolean, ctx: Ctx): Expr {
  let expr: Expr
  if (integer) expr = schema.format === 'int32' ? zod('int32') : zod('int')
  else expr = zod('number')
  if (finite(schema.minimum)) expr = method(expr, schema.exclusiveMinimum === true ? 'gt' : 'gte', literal(schema.minimum))
  if (finite(schema.exclusiveMinimum)) expr = method(expr, 'gt', literal(schema.exclusiveMinimum))
  if (finite(schema.maximum)) expr = method(expr, schema.exclusiveMaximum === true ? 'lt' : 'lte', literal(schema.maximum))
  if (finite(schema.exclusiveMaximum)) expr = method(expr, 'lt', literal(schema.exclusiveMaximum))
  if (finite(schema.multipleOf) && schema.multipleOf > 0) expr = method(expr, 'multipleOf', literal(schema.multipleOf))
  return ctx.coerce ? call(ctx.env.helper('num'), expr) : expr
}

/** `type: boolean`; as a parameter only `"true"` and `"false"` parse. */
export function booleanExpr(ctx: Ctx): Expr {
  return ctx.coerce ? call(ctx.env.helper('bool'), zod('boolean')) : zod('boolean')
}

/** `enum`/`const` values (null handled by the caller as nullability): string enums, literal sets, else a JSON comparison. */
export function valuesExpr(values: unknown[], ctx: Ctx): Expr {
  const unique = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()]
  if (unique.length === 0) return zod('never')
  let expr: Expr
  if (unique.every((v) => typeof v === 'string')) expr = zod('enum', literal(unique))
  else if (unique.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    expr = zod('literal', unique.length === 1 ? literal(unique[0]) : literal(unique))
  } else {
    const jsonIn = call(ctx.env.helper('jsonIn'), literal(unique.map((v) => JSON.stringify(v))))
    return method(zod('unknown'), 'refine', jsonIn, literal({ error: 'must be one of the allowed values' }))
  }
  if (ctx.coerce && unique.some((v) => typeof v === 'number')) expr = call(ctx.env.helper('num'), expr)
  if (ctx.coerce && unique.some((v) => typeof v === 'boolean')) expr = call(ctx.env.helper('bool'), expr)
  return expr
}
