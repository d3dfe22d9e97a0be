import type { JsonSchema } from '../../model/types.js'
import { type Ctx, isAnnotation, WRAPPERS } from './context.js'
import { array, type Expr, literal, zod } from './expr.js'
import { flattenAllOf, isPlainObjectSchema, objectExpr, type Translate } from './objects.js'
import { asObject, deref, isDropped, type SchemaIndex, type SchemaObject } from './schema-utils.js'

const COMPOSITION = new Set(['allOf', 'oneOf', 'anyOf'])

/** The schema's own constraints next to its composition keywords, or undefined when there are none worth checking. */
function ownConstraints(schema: SchemaObject): SchemaObject | undefined {
  const rest: SchemaObject = {}
  for (const [key, value] of Object.entries(schema)) {
    if (!COMPOSITION.has(key) && !WRAPPERS.has(key) && !isAnnotation(key)) rest[key] = value
  }
  const keys = Object.keys(rest)
  // A bare `type` beside a composition adds nothing the members do not already say.
  return keys.length === 0 || (keys.length === 1 && keys[0] === 'type') ? undefined : rest
}

/**
 * allOf / oneOf / anyOf, intersected with the schema's own constraints.
 * allOf of plain objects merges into one object (cheaper, and strict members
 * then see every property); otherwise members intersect. oneOf and anyOf are
 * unions (zod picks the first match, so oneOf's exclusivity is not enforced).
 */
export function compositionExpr(schema: SchemaObject, ctx: Ctx, translate: Translate): Expr {
  const parts: Expr[] = []
  const own = ownConstraints(schema)
  if (Array.isArray(schema.allOf)) {
    const merged = flattenAllOf(schema, ctx.env.index)
    if (merged !== undefined) parts.push(objectExpr(merged, ctx, translate))
    else {
      if (own !== undefined) parts.push(translate(own, ctx))
      for (const member of schema.allOf) parts.push(translate(member as JsonSchema, ctx))
    }
  } else if (own !== undefined) parts.push(translate(own, ctx))
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches)) parts.push(unionExpr(branches as JsonSchema[], schema.discriminator, ctx, translate))
  }
  if (parts.length === 0) return zod('unknown')
  return parts.reduce((left, right) => zod('intersection', left, right))
}

function unionExpr(branches: JsonSchema[], discriminator: unknown, ctx: Ctx, translate: Translate): Expr {
  const members = branches.map((branch) => translate(branch, ctx))
  if (members.length === 0) return zod('never')
  if (members.length === 1) return members[0]!
  const property = asObject(discriminator)?.propertyName
  if (typeof property === 'string' && !ctx.coerce && discriminable(branches, property, ctx)) {
    return zod('discriminatedUnion', literal(property), array(members))
  }
  return zod('union', array(members))
}

/**
 * `z.discriminatedUnion` throws at module load unless every branch is an
 * object whose discriminator is a literal and the literals are disjoint, so
 * it is used only when that is certain from the spec; otherwise a plain union.
 */
function discriminable(branches: JsonSchema[], property: string, ctx: Ctx): boolean {
  const index = ctx.env.index
  const seen = new Set<string>()
  for (const branch of branches) {
    const target = asObject(deref(branch, index))
    if (target === undefined || hasWrapper(target)) return false
    const shape = Array.isArray(target.allOf) ? flattenAllOf(target, index) : isPlainObjectSchema(target) ? target : undefined
    const candidate = asObject(shape?.properties)?.[property] as JsonSchema | undefined
    if (candidate === undefined || isDropped(candidate, ctx.mode, index)) return false
    const values = literalValues(candidate, index)
    if (values === undefined) return false
    for (const value of values) {
      const key = JSON.stringify(value)
      if (seen.has(key)) return false
      seen.add(key)
    }
  }
  return true
}

function hasWrapper(schema: SchemaObject): boolean {
  return (
    schema.nullable === true ||
    schema.default !== undefined ||
    schema.not !== undefined ||
    (Array.isArray(schema.type) && schema.type.includes('null'))
  )
}

function literalValues(schema: JsonSchema, index: SchemaIndex): unknown[] | undefined {
  const target = asObject(deref(schema, index))
  if (target === undefined || hasWrapper(target) || Array.isArray(target.allOf) || target.oneOf || target.anyOf) return undefined
  const values = 'const' in target ? [target.const] : Array.isArray(target.enum) ? target.enum : undefined
  if (values === undefined || values.length === 0) return undefined
  return values.every((v) => ['string', 'number', 'boolean'].includes(typeof v)) ? values : undefined
}
