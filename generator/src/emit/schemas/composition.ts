import type { JsonSchema } from '../../model/types.js'
import type { Ctx } from './context.js'
import { array, call, type Expr, literal, method, zod } from './expr.js'
import { flattenAllOf, isPlainObjectSchema } from './objects.js'
import { asObject, deref, isDropped, type SchemaIndex, type SchemaObject } from './schema-utils.js'

/** Translates a subschema in the same context (json-schema.ts passes its `translate`). */
export type Translate = (schema: JsonSchema | undefined, ctx: Ctx) => Expr

/** One conjunct of a schema: its `$ref`, its typed keywords, an allOf member; `closed` if it is a strict object. */
export interface Part {
  expr: Expr
  closed: boolean
}

/** Whether a schema (through refs and allOf) is an object closed by `additionalProperties: false`. */
export function isClosed(schema: JsonSchema | undefined, index: SchemaIndex, depth = 0): boolean {
  const target = asObject(deref(schema, index))
  if (target === undefined || depth > 8) return false
  if (target.additionalProperties === false) return true
  return Array.isArray(target.allOf) && target.allOf.some((member) => isClosed(member as JsonSchema, index, depth + 1))
}

/**
 * The applicators that constrain every instance type, on top of `parts` (the `$ref` and the typed
 * schema): allOf members intersect (unless `merged` already folded them into one object), anyOf
 * is a union, oneOf must match exactly one branch, `not` must fail, and `if` picks `then` or `else`.
 */
export function applicators(schema: SchemaObject, parts: Part[], merged: boolean, ctx: Ctx, translate: Translate): Expr {
  if (!merged && Array.isArray(schema.allOf)) {
    for (const member of schema.allOf as JsonSchema[]) {
      if (!isEmpty(member)) parts.push({ expr: translate(member, ctx), closed: isClosed(member, ctx.env.index) })
    }
  }
  if (Array.isArray(schema.anyOf)) parts.push({ expr: anyOfExpr(schema.anyOf as JsonSchema[], schema.discriminator, ctx, translate), closed: false })
  if (Array.isArray(schema.oneOf)) parts.push({ expr: oneOfExpr(schema.oneOf as JsonSchema[], schema.discriminator, ctx, translate), closed: false })
  // zod's intersection forgives a strict object the keys the other side knows; JSON Schema does
  // not, so a closed part beside others is a check of its own on the input (its output is not merged).
  const open = parts.length > 1 ? parts.filter((p) => !p.closed) : parts
  const checks = parts.length > 1 ? parts.filter((p) => p.closed) : []
  if (open.length === 0 && checks.length > 0) open.push(checks.shift()!)
  let expr = open.length === 0 ? zod('unknown') : open.map((p) => p.expr).reduce((left, right) => zod('intersection', left, right))
  for (const check of checks) expr = method(expr, 'superRefine', call(ctx.env.helper('$all'), check.expr))
  const plain: Ctx = { ...ctx, coerce: false }
  if (schema.not !== undefined) {
    const not = call(ctx.env.helper('$not'), translate(schema.not as JsonSchema, plain))
    expr = method(expr, 'refine', not, literal({ error: 'must not match the schema in "not"' }))
  }
  if (schema.if !== undefined && (schema.then !== undefined || schema.else !== undefined)) {
    const branch = (key: 'then' | 'else') => (schema[key] === undefined ? literal(undefined) : translate(schema[key] as JsonSchema, plain))
    expr = method(expr, 'superRefine', call(ctx.env.helper('$if'), translate(schema.if as JsonSchema, plain), branch('then'), branch('else')))
  }
  return expr
}

function isEmpty(schema: JsonSchema): boolean {
  return schema === true || (asObject(schema) !== undefined && Object.keys(asObject(schema)!).length === 0)
}

function anyOfExpr(branches: JsonSchema[], discriminator: unknown, ctx: Ctx, translate: Translate): Expr {
  const members = branches.map((branch) => translate(branch, ctx))
  if (members.length === 0) return zod('never')
  if (members.length === 1) return members[0]!
  if (isDiscriminated(branches, discriminator, ctx)) return zod('discriminatedUnion', literal(asObject(discriminator)!.propertyName), array(members))
  return zod('union', array(members))
}

/** oneOf: a discriminated union when the discriminator literals are disjoint (at most one branch can match), else `$oneOf`. */
function oneOfExpr(branches: JsonSchema[], discriminator: unknown, ctx: Ctx, translate: Translate): Expr {
  const members = branches.map((branch) => translate(branch, ctx))
  if (members.length === 0) return zod('never')
  if (members.length === 1) return members[0]!
  if (isDiscriminated(branches, discriminator, ctx)) return zod('discriminatedUnion', literal(asObject(discriminator)!.propertyName), array(members))
  return call(ctx.env.helper('$oneOf'), array(members))
}

function isDiscriminated(branches: JsonSchema[], discriminator: unknown, ctx: Ctx): boolean {
  const property = asObject(discriminator)?.propertyName
  return typeof property === 'string' && !ctx.coerce && discriminable(branches, property, ctx)
}

/**
 * `z.discriminatedUnion` throws at module load unless every branch is an object whose
 * discriminator is a required literal and the literals are disjoint, so it is used only when
 * that is certain from the spec; otherwise a plain union.
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
    if (!Array.isArray(shape?.required) || !shape.required.includes(property)) return false
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
