import type { JsonSchema } from '../../model/types.js'
import { type Ctx, isAnnotation } from './context.js'
import { array, call, code, type Expr, literal, method, object, zod } from './expr.js'
import { asObject, componentName, isDropped, refOf, resolveLocalRef, type SchemaIndex, type SchemaObject } from './schema-utils.js'

/** Translates a subschema in the same context (json-schema.ts passes its `translate`). */
export type Translate = (schema: JsonSchema | undefined, ctx: Ctx) => Expr

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * An object schema. Unknown keys are allowed by default (JSON Schema) and kept
 * (`z.looseObject`), which keeps unions and intersections lossless; `false`
 * makes it strict; a schema becomes a catchall. When this mode dropped a
 * `readOnly`/`writeOnly` property, unknown keys are stripped instead, so a
 * dropped property can neither reach a handler nor leak into a response
 * (a closed object keeps rejecting them in requests).
 */
export function objectExpr(schema: SchemaObject, ctx: Ctx, translate: Translate): Expr {
  const properties = asObject(schema.properties) ?? {}
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  const shape: Array<[string, Expr]> = []
  let dropped = false
  for (const [key, property] of Object.entries(properties)) {
    if (isDropped(property as JsonSchema, ctx.mode, ctx.env.index)) {
      dropped = true
      continue
    }
    const value = translate(property as JsonSchema, ctx)
    const hasDefault = asObject(property)?.default !== undefined
    shape.push([key, required.has(key) || hasDefault ? value : method(value, 'optional')])
  }
  // `required` may name keys it does not describe: they must be present, with any value.
  for (const key of required) {
    if (typeof key === 'string' && !Object.hasOwn(properties, key)) shape.push([key, zod('unknown')])
  }
  const extra = schema.additionalProperties
  const extraSchema = extra !== undefined && typeof extra !== 'boolean' && Object.keys(asObject(extra) ?? {}).length > 0
  let expr: Expr
  if (shape.length === 0 && !dropped && extra !== false) {
    expr = zod('record', zod('string'), extraSchema ? translate(extra as JsonSchema, ctx) : zod('unknown'))
  } else if (extra === false) {
    // A closed object still rejects unknown request keys (a client sending a readOnly field
    // included, as express-openapi-validator does), but a response quietly loses its writeOnly ones.
    expr = zod(dropped && ctx.mode === 'response' ? 'object' : 'strictObject', object(shape))
  }
  else if (extraSchema) expr = method(zod('object', object(shape)), 'catchall', translate(extra as JsonSchema, ctx))
  else expr = zod(dropped ? 'object' : 'looseObject', object(shape))

  const min = finite(schema.minProperties) ? schema.minProperties : 0
  const max = finite(schema.maxProperties) ? schema.maxProperties : undefined
  if (min > 0 || max !== undefined) {
    const check = call(ctx.env.helper('props'), literal(min), max === undefined ? code('Infinity') : literal(max))
    expr = method(expr, 'refine', check, literal({ error: `must have ${min}..${max ?? '∞'} properties` }))
  }
  return expr
}

/** An array schema: `items`, tuples (`prefixItems`, or the draft-4 array form of `items`), bounds and `uniqueItems`. */
export function arrayExpr(schema: SchemaObject, ctx: Ctx, translate: Translate): Expr {
  const items = schema.items
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(items) ? items : undefined
  let expr: Expr
  if (prefix !== undefined) {
    const rest = Array.isArray(items) ? undefined : items
    const restExpr = rest === false ? undefined : translate(rest as JsonSchema | undefined, ctx)
    const members = array(prefix.map((item) => translate(item as JsonSchema, ctx)))
    expr = restExpr ? zod('tuple', members, restExpr) : zod('tuple', members)
  } else {
    expr = zod('array', translate(items as JsonSchema | undefined, ctx))
    if (finite(schema.minItems) && schema.minItems > 0) expr = method(expr, 'min', literal(schema.minItems))
    if (finite(schema.maxItems)) expr = method(expr, 'max', literal(schema.maxItems))
  }
  if (schema.uniqueItems === true) expr = method(expr, 'refine', ctx.env.helper('unique'), literal({ error: 'items must be unique' }))
  return ctx.coerce ? call(ctx.env.helper('arr'), expr) : expr
}

const OBJECT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'nullable', 'minProperties', 'maxProperties'])

/** Whether a schema only describes an object's properties, so allOf members of this kind can merge into one object. */
export function isPlainObjectSchema(schema: SchemaObject): boolean {
  for (const key of Object.keys(schema)) if (!OBJECT_KEYWORDS.has(key) && !isAnnotation(key)) return false
  if (schema.nullable === true) return false
  const type = schema.type
  if (type === undefined || type === 'object') return true
  return Array.isArray(type) && type.every((t) => t === 'object' || t === 'null')
}

/**
 * Merges `allOf` (and the schema's own object keywords) into one object schema
 * when every member is a plain object schema, following component refs and
 * nested allOf. A property declared twice takes the later declaration (the
 * usual "refine the base" pattern). Undefined when anything else is involved.
 */
export function flattenAllOf(schema: SchemaObject, index: SchemaIndex): SchemaObject | undefined {
  // Memoized per schema object: components are flattened once whether reached as a member or a union branch.
  if (flattened.has(schema)) return flattened.get(schema) ?? undefined
  const result = flattenFrom(schema, index, new Set())
  flattened.set(schema, result ?? null)
  return result
}

const flattened = new WeakMap<SchemaObject, SchemaObject | null>()

function flattenFrom(schema: SchemaObject, index: SchemaIndex, seen: Set<string>): SchemaObject | undefined {
  const { allOf, oneOf, anyOf, nullable: _nullable, default: _default, not: _not, ...own } = schema
  if (!Array.isArray(allOf) || oneOf !== undefined || anyOf !== undefined) return undefined
  const merged: SchemaObject = { type: 'object', properties: {}, required: [] }
  for (const member of [own, ...allOf] as JsonSchema[]) {
    let target: JsonSchema | undefined = member
    const ref = refOf(member)
    if (ref !== undefined) {
      // Only refs on the current path count as a cycle: diamonds (two members sharing a base) are fine.
      if (seen.has(ref)) return undefined
      const name = componentName(ref)
      target = name !== undefined ? index.components.get(name) : resolveLocalRef(index.document, ref)
    }
    if (target === true) continue
    const objectSchema = asObject(target)
    if (objectSchema === undefined) return undefined
    let part: SchemaObject | undefined = objectSchema
    if (Array.isArray(objectSchema.allOf)) {
      if (ref !== undefined) seen.add(ref)
      part = flattenFrom(objectSchema, index, seen)
      if (ref !== undefined) seen.delete(ref)
    }
    if (part === undefined || !isPlainObjectSchema(part)) return undefined
    mergeInto(merged, part)
  }
  return merged
}

function mergeInto(target: SchemaObject, part: SchemaObject): void {
  Object.assign(target.properties as SchemaObject, asObject(part.properties) ?? {})
  if (Array.isArray(part.required)) {
    const required = target.required as unknown[]
    for (const name of part.required) if (!required.includes(name)) required.push(name)
  }
  for (const key of ['minProperties', 'maxProperties'] as const) if (part[key] !== undefined) target[key] = part[key]
  const extra = part.additionalProperties
  if (extra === undefined) return
  if (asObject(extra)) target.additionalProperties = extra
  else if (extra === false && !asObject(target.additionalProperties)) target.additionalProperties = false
  else if (extra === true && target.additionalProperties === undefined) target.additionalProperties = true
}
