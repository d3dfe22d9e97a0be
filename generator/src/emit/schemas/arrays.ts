import type { JsonSchema } from '../../model/types.js'
import type { Translate } from './composition.js'
import type { Ctx } from './context.js'
import { evaluatedExpr } from './evaluated.js'
import { array, call, type Expr, literal, method, object, zod } from './expr.js'
import type { SchemaObject } from './schema-utils.js'

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * The array keywords (the instance is known to be an array here): `items` is `z.array`, bounds
 * are zod's; tuples (`prefixItems`, or draft 4's array form of `items` with `additionalItems`),
 * `contains`/`minContains`/`maxContains` and `unevaluatedItems` are one `$array` refinement, so a
 * tuple entry is optional as JSON Schema says (`[]` is a valid `[string, number]` tuple).
 */
export function arrayExpr(schema: SchemaObject, ctx: Ctx, translate: Translate): Expr {
  const items = schema.items
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(items) ? items : undefined
  const rules: Array<[string, Expr]> = []
  let expr: Expr
  if (prefix === undefined) expr = zod('array', translate(items as JsonSchema | undefined, ctx))
  else {
    expr = zod('array', zod('unknown'))
    rules.push(['prefix', array(prefix.map((item) => translate(item as JsonSchema, ctx)))])
    // After the tuple: 2020-12 `items`, or draft 4 `additionalItems` beside an `items` array.
    const rest = Array.isArray(items) ? schema.additionalItems : items
    if (rest !== undefined && rest !== true) rules.push(['rest', rest === false ? literal(false) : translate(rest as JsonSchema, ctx)])
  }
  if (finite(schema.minItems) && schema.minItems > 0) expr = method(expr, 'min', literal(schema.minItems))
  if (finite(schema.maxItems)) expr = method(expr, 'max', literal(schema.maxItems))
  if (schema.contains !== undefined) {
    rules.push(['contains', translate(schema.contains as JsonSchema, { ...ctx, coerce: false })])
    if (finite(schema.minContains)) rules.push(['minContains', literal(schema.minContains)])
    if (finite(schema.maxContains)) rules.push(['maxContains', literal(schema.maxContains)])
  }
  if (schema.unevaluatedItems !== undefined && schema.unevaluatedItems !== true) {
    const unevaluated = schema.unevaluatedItems === false ? literal(false) : translate(schema.unevaluatedItems as JsonSchema, ctx)
    rules.push(['unevaluated', array([unevaluated, evaluatedExpr(schema, 'items', ctx, translate)])])
  }
  if (rules.length > 0) expr = method(expr, 'superRefine', call(ctx.env.helper('$array'), object(rules)))
  if (schema.uniqueItems === true) expr = method(expr, 'refine', ctx.env.helper('$unique'), literal({ error: 'items must be unique' }))
  return ctx.coerce ? call(ctx.env.helper('$arr'), expr) : expr
}
