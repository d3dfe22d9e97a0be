import type { JsonSchema } from '../../model/types.js'
import type { Translate } from './composition.js'
import type { Ctx } from './context.js'
import { array, type Expr, literal, object } from './expr.js'
import { regexExpr } from './scalars.js'
import { asObject, componentName, refOf, resolveLocalRef, type SchemaObject } from './schema-utils.js'

/**
 * What a schema evaluates, as the `$Evaluated` data `$seen` reads at run time (runtime.ts), for
 * `unevaluatedProperties` / `unevaluatedItems` (2020-12 §11): the schema's own `properties`,
 * `patternProperties` and `additionalProperties` (or `prefixItems`, `items`, `contains`), plus
 * what its in-place applicators evaluated — allOf members and `$ref` targets always, anyOf/oneOf
 * branches and `if`/`then`/`else` only where the instance passes them, dependentSchemas when
 * their key is present. Which branches pass is only known per instance, so the branch schemas
 * come along. A `$ref` cycle contributes nothing on its second visit.
 */
export function evaluatedExpr(schema: SchemaObject, kind: 'properties' | 'items', ctx: Ctx, translate: Translate): Expr {
  return node(schema, kind, ctx, translate, new Set(), true)
}

function node(schema: JsonSchema | undefined, kind: 'properties' | 'items', ctx: Ctx, translate: Translate, seen: Set<string>, root: boolean): Expr {
  if (schema === true || schema === undefined) return object([])
  const s = asObject(schema)
  if (s === undefined) return object([])
  const entries: Array<[string, Expr]> = []
  const sub = (child: unknown) => node(child as JsonSchema, kind, ctx, translate, seen, false)
  const plain: Ctx = { ...ctx, coerce: false }
  if (kind === 'properties') {
    if (s.additionalProperties !== undefined || (!root && s.unevaluatedProperties !== undefined)) return object([['all', literal(1)]])
    const keys = Object.keys(asObject(s.properties) ?? {})
    if (keys.length > 0) entries.push(['keys', literal(keys)])
    const patterns = Object.keys(asObject(s.patternProperties) ?? {})
    if (patterns.length > 0) entries.push(['patterns', array(patterns.map(regexExpr))])
    const dependent = Object.entries({ ...(asObject(s.dependentSchemas) ?? {}), ...(asObject(s.dependencies) ?? {}) }).filter(([, v]) => !Array.isArray(v))
    if (dependent.length > 0) entries.push(['dependent', array(dependent.map(([key, value]) => array([literal(key), sub(value)])))])
  } else {
    const tuple = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined
    const rest = Array.isArray(s.items) ? s.additionalItems : tuple !== undefined ? s.items : s.items
    if (rest !== undefined || (!root && s.unevaluatedItems !== undefined)) return object([['all', literal(1)]])
    if (tuple !== undefined && tuple.length > 0) entries.push(['prefix', literal(tuple.length)])
    if (s.contains !== undefined) entries.push(['contains', translate(s.contains as JsonSchema, plain)])
  }
  const allOf: Expr[] = Array.isArray(s.allOf) ? (s.allOf as unknown[]).map(sub) : []
  const ref = refOf(s)
  if (ref !== undefined && !seen.has(ref)) {
    seen.add(ref)
    const name = componentName(ref)
    const target = name !== undefined ? ctx.env.index.components.get(name) : resolveLocalRef(ctx.env.index.document, ref)
    allOf.push(sub(target))
    seen.delete(ref)
  }
  if (allOf.length > 0) entries.push(['allOf', array(allOf)])
  const branches = [...(Array.isArray(s.anyOf) ? s.anyOf : []), ...(Array.isArray(s.oneOf) ? s.oneOf : [])]
  if (branches.length > 0) entries.push(['anyOf', array(branches.map((b) => array([translate(b as JsonSchema, plain), sub(b)])))])
  if (s.if !== undefined) {
    const branch = (key: 'then' | 'else') => (s[key] === undefined ? literal(undefined) : sub(s[key]))
    entries.push(['if', array([translate(s.if as JsonSchema, plain), sub(s.if), branch('then'), branch('else')])])
  }
  return object(entries)
}
