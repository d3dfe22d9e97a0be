import type { JsonSchema } from '../../model/types.js'
import { applicators, isClosed, type Part } from './composition.js'
import { type Ctx, isAnnotation, WRAPPERS } from './context.js'
import { arrow, call, comment, type Expr, literal, method, object, zod } from './expr.js'
import { arrayExpr } from './arrays.js'
import { constrainedTypes, type InstanceType } from './keywords.js'
import { flattenAllOf, objectExpr } from './objects.js'
import { booleanExpr, numberExpr, stringExpr, valuesExpr } from './scalars.js'
import { asObject, componentName, resolveLocalRef, type SchemaObject } from './schema-utils.js'

/**
 * How deep the translator recurses natively. A deeper subschema becomes a const of its own
 * (translated later from a work list), so 10,000 levels of nesting never overflow the stack;
 * every const is a lazy builder, so the generated code nests no deeper either.
 */
const MAX_DEPTH = 64

/**
 * Translates one JSON Schema (OpenAPI 3.0 or 3.1 dialect) into a zod 4 expression. Component
 * refs become references to their consts, other local refs consts of their own. Keywords are
 * applied as JSON Schema says: a type-specific keyword constrains only instances of its type
 * (keywords.ts); `type`, `enum`/`const`, `$ref` and the applicators constrain every instance.
 */
export function translate(schema: JsonSchema | undefined, ctx: Ctx): Expr {
  if (schema === undefined || schema === true) return zod('unknown')
  if (schema === false) return zod('never')
  const object = asObject(schema)
  if (object === undefined) return zod('unknown')
  if (ctx.depth >= MAX_DEPTH) return ctx.env.standalone(object, ctx)
  const inner: Ctx = { ...ctx, depth: ctx.depth + 1 }
  let expr = core(object, inner)
  if (object.default !== undefined) {
    const value = object.default
    // Objects and arrays get a factory so no two parses share (and mutate) one default.
    const factory = value !== null && typeof value === 'object'
    expr = method(expr, 'default', factory ? arrow(literal(value)) : literal(value))
  }
  return expr
}

function core(schema: SchemaObject, ctx: Ctx): Expr {
  const openapi30 = ctx.env.index.openapi === '3.0'
  if (typeof schema.$ref === 'string' && openapi30) {
    // OpenAPI 3.0 ignores keywords next to `$ref`, but real specs mean `nullable` there.
    const target = refExpr(schema.$ref, ctx)
    return schema.nullable === true ? method(target, 'nullable') : target
  }
  const parts: Part[] = []
  if (typeof schema.$ref === 'string') parts.push({ expr: refExpr(schema.$ref, ctx), closed: isClosed(schema, ctx.env.index) })

  // allOf of plain object schemas merges into one object with the schema's own keywords.
  const merged = Array.isArray(schema.allOf) ? flattenAllOf(schema, ctx.env.index) : undefined
  const base = typedExpr(merged ?? schema, ctx)
  if (base !== undefined) parts.push({ expr: base, closed: (merged ?? schema).additionalProperties === false })
  let expr = applicators(schema, parts, merged !== undefined, ctx, translate)

  // 3.0 `nullable: true` without a `type` (typically beside allOf/oneOf): what real specs mean is "or null".
  if (openapi30 && schema.nullable === true && schema.type === undefined && !hasValues(schema)) expr = method(expr, 'nullable')
  return expr
}

function hasValues(schema: SchemaObject): boolean {
  return 'const' in schema || Array.isArray(schema.enum)
}

const ALL_TYPES = ['null', 'boolean', 'object', 'array', 'number', 'string'] as const

/** The types `type` allows (3.0 `nullable` adds null), or undefined when every type is allowed. */
function allowedTypes(schema: SchemaObject, ctx: Ctx): Set<string> | undefined {
  const type = schema.type
  let types: Set<string>
  if (typeof type === 'string') types = new Set([type])
  else if (Array.isArray(type)) types = new Set(type.filter((t): t is string => typeof t === 'string'))
  else return undefined
  if (ctx.env.index.openapi === '3.0' && schema.nullable === true) types.add('null')
  if (types.has('number')) types.delete('integer')
  return types
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function admits(types: Set<string> | undefined, value: unknown): boolean {
  if (types === undefined) return true
  const type = jsonType(value)
  return types.has(type) || (type === 'number' && types.has('integer') && Number.isInteger(value))
}

/**
 * `type`, the type-specific keywords and `enum`/`const`: undefined when they constrain nothing.
 * One allowed type is that type's zod schema; several are dispatched on the instance's type
 * (`$type`), so each type's keywords see only their instances.
 */
function typedExpr(schema: SchemaObject, ctx: Ctx): Expr | undefined {
  const allowed = allowedTypes(schema, ctx)
  const constrained = constrainedTypes(schema)
  const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined
  if (values !== undefined) {
    // A value of a type `type` excludes can never validate.
    const admitted = values.filter((value) => admits(allowed, value))
    // Plain literals are their own type check; other keywords beside them need the typed schema too.
    if (constrained.size === 0 || admitted.length === 0) return valuesExpr(admitted, ctx)
    const typed = typesExpr(allowed, constrained, schema, ctx)
    return typed === undefined ? valuesExpr(admitted, ctx) : zod('intersection', typed, valuesExpr(admitted, ctx))
  }
  return typesExpr(allowed, constrained, schema, ctx)
}

function typesExpr(allowed: Set<string> | undefined, constrained: Set<InstanceType>, schema: SchemaObject, ctx: Ctx): Expr | undefined {
  if (allowed === undefined) {
    if (constrained.size === 0) return undefined
    const branches: Array<[string, Expr]> = [...constrained].map((type) => [type, branch(type, schema, ctx)])
    return call(ctx.env.helper('$type'), object(branches), literal(false))
  }
  const types = ALL_TYPES.flatMap((type) => (type === 'number' ? (['integer', 'number'] as const) : [type])).filter((t) => allowed.has(t))
  const unknownTypes = [...allowed].filter((t) => !types.includes(t as never))
  if (types.length === 0) {
    return unknownTypes.length > 0 ? comment(`unknown type ${unknownTypes.join(', ')}`, zod('unknown')) : zod('never')
  }
  const nonNull = types.filter((t) => t !== 'null')
  if (nonNull.length === 0) return zod('null')
  const branches = nonNull.map((type): [string, Expr] => [type, branch(type, schema, ctx)])
  const nullable = types.includes('null')
  if (branches.length === 1) return nullable ? method(branches[0]![1], 'nullable') : branches[0]![1]
  // Parameters arrive as strings, so their branches coerce and only a union can try each.
  if (ctx.coerce) {
    const union = zod('union', { kind: 'array', items: branches.map(([, expr]) => expr) })
    return nullable ? method(union, 'nullable') : union
  }
  if (nullable) branches.unshift(['null', zod('null')])
  return call(ctx.env.helper('$type'), object(branches), literal(true))
}

function branch(type: string, schema: SchemaObject, ctx: Ctx): Expr {
  switch (type) {
    case 'string':
      // A multipart file part arrives as a Blob, not a string.
      return ctx.files && schema.format === 'binary' ? call(ctx.env.helper('$file')) : stringExpr(schema, ctx)
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
      return zod('null')
  }
}

/**
 * A `$ref`: a component becomes a reference to its const (inlined instead for parameters, which
 * coerce); any other local ref gets a const of its own, so recursive `$defs` work too.
 */
export function refExpr(ref: string, ctx: Ctx): Expr {
  const name = componentName(ref)
  const index = ctx.env.index
  // Parameters inline components so their scalars coerce; deep or cyclic ones fall back to the const.
  const inline = ctx.coerce && !ctx.inlining.has(ref) && ctx.inlining.size < 8
  if (name !== undefined && index.components.has(name) && !inline) return ctx.env.reference(name, ctx.mode)
  const resolved = name !== undefined ? index.components.get(name) : resolveLocalRef(index.document, ref)
  if (resolved === undefined) return comment(`unresolved $ref ${ref}`, zod('unknown'))
  if (inline) return translate(resolved, { ...ctx, inlining: new Set([...ctx.inlining, ref]) })
  if (typeof resolved === 'boolean') return translate(resolved, ctx)
  return ctx.env.standalone(resolved, ctx, ref)
}

/** Keywords that constrain something (not annotations, not `default`): a schema without any is `{}`. */
export function hasConstraints(schema: SchemaObject): boolean {
  for (const key of Object.keys(schema)) if (!isAnnotation(key) && !WRAPPERS.has(key)) return true
  return false
}
