import type { JsonSchema } from '../../model/types.js'
import { compositionExpr } from './composition.js'
import { type Ctx, isAnnotation, WRAPPERS } from './context.js'
import { arrow, call, comment, type Expr, literal, method, zod } from './expr.js'
import { arrayExpr, objectExpr } from './objects.js'
import { booleanExpr, numberExpr, stringExpr, valuesExpr } from './scalars.js'
import { asObject, componentName, resolveLocalRef, type SchemaObject } from './schema-utils.js'

/**
 * Translates one JSON Schema (OpenAPI 3.0 or 3.1 dialect) into a zod 4
 * expression. Component refs become references to their consts; everything
 * else is inlined. `nullable`, `not` and `default` wrap whatever the core is.
 */
export function translate(schema: JsonSchema | undefined, ctx: Ctx): Expr {
  if (schema === undefined || schema === true) return zod('unknown')
  if (schema === false) return zod('never')
  const object = asObject(schema)
  if (object === undefined) return zod('unknown')
  let expr = core(object, ctx)
  if (object.not !== undefined) {
    const not = call(ctx.env.helper('not'), translate(object.not as JsonSchema, { ...ctx, coerce: false }))
    expr = method(expr, 'refine', not, literal({ error: 'must not match the schema in "not"' }))
  }
  if (isNullable(object) && !isOnlyNull(object)) expr = method(expr, 'nullable')
  if (object.default !== undefined) {
    const value = object.default
    // Objects and arrays get a factory so no two parses share (and mutate) one default.
    const factory = value !== null && typeof value === 'object'
    expr = method(expr, 'default', factory ? arrow(literal(value)) : literal(value))
  }
  return expr
}

/** 3.0 `nullable: true`, a 3.1 type array containing `'null'`, or `null` among the enum values. */
function isNullable(schema: SchemaObject): boolean {
  if (schema.nullable === true) return true
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) return true
  return 'const' in schema && schema.const === null
}

function isOnlyNull(schema: SchemaObject): boolean {
  return schema.type === 'null' || (Array.isArray(schema.type) && schema.type.every((t) => t === 'null'))
}

function core(schema: SchemaObject, ctx: Ctx): Expr {
  if (typeof schema.$ref === 'string') return refExpr(schema, schema.$ref, ctx)
  if (Array.isArray(schema.allOf) || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    return compositionExpr(schema, ctx, translate)
  }
  if ('const' in schema) return schema.const === null ? zod('null') : valuesExpr([schema.const], ctx)
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v) => v !== null)
    if (values.length > 0) return valuesExpr(values, ctx)
    return schema.enum.length > 0 ? zod('null') : zod('never')
  }
  const types = typesOf(schema)
  if (types.length === 0) return isOnlyNull(schema) ? zod('null') : zod('unknown')
  const members = types.map((type) => typed(type, schema, ctx))
  return members.length === 1 ? members[0]! : zod('union', { kind: 'array', items: members })
}

function typed(type: string, schema: SchemaObject, ctx: Ctx): Expr {
  switch (type) {
    case 'string':
      return ctx.files && schema.format === 'binary' ? call(ctx.env.helper('file')) : stringExpr(schema)
    case 'integer':
    case 'number':
      return numberExpr(schema, type === 'integer', ctx)
    case 'boolean':
      return booleanExpr(ctx)
    case 'array':
      return arrayExpr(schema, ctx, translate)
    case 'object':
      return objectExpr(schema, ctx, translate)
    default:
      return comment(`unknown type ${type}`, zod('unknown'))
  }
}

const INFERRED: Array<[string, string[]]> = [
  ['object', ['properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties']],
  ['array', ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems']],
  ['string', ['minLength', 'maxLength', 'pattern']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
]

/** The non-null types a schema admits: `type` (string or 3.1 array), else inferred from the keywords present. */
function typesOf(schema: SchemaObject): string[] {
  const type = schema.type
  if (typeof type === 'string') return type === 'null' ? [] : [type]
  if (Array.isArray(type)) return [...new Set(type.filter((t): t is string => typeof t === 'string' && t !== 'null'))]
  for (const [inferred, keywords] of INFERRED) if (keywords.some((k) => k in schema)) return [inferred]
  return []
}

/**
 * A `$ref`: a component becomes a reference to its const (inlined instead for
 * parameters, which coerce); any other local ref is inlined. Constraints next
 * to the ref (3.1 allows them) are intersected.
 */
function refExpr(schema: SchemaObject, ref: string, ctx: Ctx): Expr {
  const name = componentName(ref)
  const index = ctx.env.index
  let target: Expr
  // Parameters inline components so their scalars coerce; deep or cyclic ones fall back to the const.
  const inline = ctx.coerce && !ctx.inlining.has(ref) && ctx.inlining.size < 8
  if (name !== undefined && index.components.has(name) && !inline) {
    target = ctx.env.reference(name, ctx.mode)
  } else {
    const resolved = name !== undefined ? index.components.get(name) : resolveLocalRef(index.document, ref)
    if (resolved === undefined) return comment(`unresolved $ref ${ref}`, zod('unknown'))
    if (ctx.inlining.has(ref)) return comment(`recursive $ref ${ref}`, zod('unknown'))
    target = translate(resolved, { ...ctx, inlining: new Set([...ctx.inlining, ref]) })
  }
  if (index.openapi === '3.0') return target
  const siblings: SchemaObject = {}
  for (const [key, value] of Object.entries(schema)) if (key !== '$ref' && !WRAPPERS.has(key) && !isAnnotation(key)) siblings[key] = value
  const keys = Object.keys(siblings)
  // A bare `type` next to a ref restates the target; intersecting would only cost time.
  if (keys.length === 0 || (keys.length === 1 && keys[0] === 'type')) return target
  return zod('intersection', target, translate(siblings, ctx))
}
