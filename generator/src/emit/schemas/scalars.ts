import type { Ctx } from './context.js'
import { array, call, code, comment, type Expr, literal, method, quote, zod } from './expr.js'
import { FORMAT_CHECKS } from './formats.js'
import type { SchemaObject } from './schema-utils.js'

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * The string keywords (the instance is known to be a string here): `pattern` (a search, not
 * anchored), lengths in code points (`$len`), and the asserted formats (formats.ts).
 */
export function stringExpr(schema: SchemaObject, ctx: Ctx): Expr {
  const format = typeof schema.format === 'string' ? schema.format : undefined
  // A binary "string" is a file part (multipart) or raw bytes: the server hands over whatever it parsed.
  if (format === 'binary') return comment('format: binary', zod('unknown'))
  // Kubernetes declares IntOrString as `type: string` with this format, yet sends `maxSurge: 1`.
  if (format === 'int-or-string') return zod('union', array([zod('string'), zod('int')]))
  let expr = format === 'url' ? zod('url') : zod('string')
  if (typeof schema.pattern === 'string') {
    const regex = regexExpr(schema.pattern)
    expr = regex.kind === 'comment' ? comment(regex.text, expr) : method(expr, 'regex', regex)
  }
  const min = finite(schema.minLength) ? schema.minLength : 0
  const max = finite(schema.maxLength) ? schema.maxLength : undefined
  if (min > 0 || max !== undefined) {
    const check = call(ctx.env.helper('$len'), literal(min), max === undefined ? code('Infinity') : literal(max))
    const error = max === undefined ? `must have at least ${min} characters` : min === 0 ? `must have at most ${max} characters` : `must have ${min} to ${max} characters`
    expr = method(expr, 'refine', check, literal({ error }))
  }
  if (format !== undefined && Object.hasOwn(FORMAT_CHECKS, format)) {
    expr = method(expr, 'refine', ctx.env.helper(FORMAT_CHECKS[format]!), literal({ error: `must be a valid ${format}` }))
  }
  return expr
}

/**
 * A JSON Schema regex (ECMA-262) read with the `u` flag, as validators do, so `\p{L}` means a
 * letter; real specs often carry escapes only legal without it, so that is the fallback. One that
 * compiles neither way becomes a comment node (the caller skips the check, never fatal).
 */
export function regexExpr(pattern: string): Expr {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags)
      const args = flags === '' ? [code(quote(pattern))] : [code(quote(pattern)), code(quote(flags))]
      return call(code('new RegExp'), ...args)
    } catch {
      // Try the next flag set.
    }
  }
  return comment(`pattern skipped (not a valid ECMAScript regex): ${pattern}`, code('/(?:)/'))
}

/** The number keywords: int32/int64 ranges, bounds (3.0 boolean and 3.1 numeric exclusives), `multipleOf`. */
export function numberExpr(schema: SchemaObject, integer: boolean, ctx: Ctx): Expr {
  let expr: Expr
  if (integer) expr = schema.format === 'int32' ? zod('int32') : zod('int')
  else expr = zod('number')
  if (finite(schema.minimum)) expr = method(expr, schema.exclusiveMinimum === true ? 'gt' : 'gte', literal(schema.minimum))
  if (finite(schema.exclusiveMinimum)) expr = method(expr, 'gt', literal(schema.exclusiveMinimum))
  if (finite(schema.maximum)) expr = method(expr, schema.exclusiveMaximum === true ? 'lt' : 'lte', literal(schema.maximum))
  if (finite(schema.exclusiveMaximum)) expr = method(expr, 'lt', literal(schema.exclusiveMaximum))
  if (finite(schema.multipleOf) && schema.multipleOf > 0) expr = method(expr, 'multipleOf', literal(schema.multipleOf))
  return ctx.coerce ? call(ctx.env.helper('$num'), expr) : expr
}

/** `type: boolean`; as a parameter only `"true"` and `"false"` parse. */
export function booleanExpr(ctx: Ctx): Expr {
  return ctx.coerce ? call(ctx.env.helper('$bool'), zod('boolean')) : zod('boolean')
}

/** A key equal for JSON-equal values, as the generated `$canon` computes it. */
function canon(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value + ':' + JSON.stringify(value)
  if (Array.isArray(value)) return '[' + value.map(canon).join(',') + ']'
  const record = value as Record<string, unknown>
  return '{' + Object.keys(record).sort().map((key) => JSON.stringify(key) + ':' + canon(record[key])).join(',') + '}'
}

/**
 * `enum`/`const` values: strings are `z.enum`, other scalars `z.literal`, null makes it nullable;
 * objects and arrays compare by JSON equality (`$values`: key order ignored, `"{}"` is not `{}`).
 */
export function valuesExpr(values: unknown[], ctx: Ctx): Expr {
  const unique = [...new Map(values.map((v) => [canon(v), v])).values()]
  if (unique.length === 0) return zod('never')
  if (unique.some((v) => v !== null && typeof v === 'object')) {
    const check = call(ctx.env.helper('$values'), literal(unique))
    return method(zod('unknown'), 'refine', check, literal({ error: 'must be one of the allowed values' }))
  }
  const scalars = unique.filter((v) => v !== null)
  const nullable = scalars.length < unique.length
  if (scalars.length === 0) return zod('null')
  let expr: Expr
  if (scalars.every((v) => typeof v === 'string')) expr = zod('enum', literal(scalars))
  else expr = zod('literal', scalars.length === 1 ? literal(scalars[0]) : literal(scalars))
  if (ctx.coerce && scalars.some((v) => typeof v === 'number')) expr = call(ctx.env.helper('$num'), expr)
  if (ctx.coerce && scalars.some((v) => typeof v === 'boolean')) expr = call(ctx.env.helper('$bool'), expr)
  return nullable ? method(expr, 'nullable') : expr
}
