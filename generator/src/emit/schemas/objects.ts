import type { JsonSchema } from '../../model/types.js'
import type { Translate } from './composition.js'
import { type Ctx, isAnnotation } from './context.js'
import { evaluatedExpr } from './evaluated.js'
import { array, call, type Expr, literal, method, object, zod } from './expr.js'
import { regexExpr } from './scalars.js'
import { asObject, componentName, isDropped, refOf, resolveLocalRef, type SchemaIndex, type SchemaObject } from './schema-utils.js'

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

// Names every object inherits: zod reads `input[key]` and `key in input`, which see these on `{}`.
const inherited = (key: string): boolean => key in Object.prototype

/**
 * A multipart field whose parts are JSON (decoded by the server): validated as JSON, without the
 * text coercion of form fields; an array field is repeated parts, and one part alone is one value,
 * which `$arr` wraps into the array.
 */
function jsonPartExpr(property: JsonSchema, ctx: Ctx, translate: Translate): Expr {
  const expr = translate(property, { ...ctx, coerce: false, files: false })
  const ref = refOf(property)
  const target = asObject(ref !== undefined ? resolveLocalRef(ctx.env.index.document, ref) : property)
  const types = Array.isArray(target?.type) ? target.type : [target?.type]
  return types.includes('array') ? call(ctx.env.helper('$arr'), expr) : expr
}

/**
 * The object keywords (the instance is known to be an object here). `properties` and `required`
 * are a zod object; unknown keys are allowed by default (JSON Schema) and kept (`z.looseObject`),
 * `additionalProperties: false` makes it strict and a schema a catchall. When this mode dropped a
 * `readOnly`/`writeOnly` property, unknown keys are stripped instead, so a dropped property
 * neither reaches a handler nor leaks into a response. Whatever zod has no method for
 * (patternProperties, propertyNames, dependencies, unevaluatedProperties, inherited names) is one
 * `$object` refinement.
 */
export function objectExpr(schema: SchemaObject, outer: Ctx, translate: Translate): Expr {
  const jsonParts = outer.jsonParts
  // Only the body's own properties are parts: nested objects are inside one part.
  const ctx: Ctx = jsonParts ? { ...outer, jsonParts: undefined } : outer
  const properties = asObject(schema.properties) ?? {}
  const required = new Set((Array.isArray(schema.required) ? schema.required : []).filter((k): k is string => typeof k === 'string'))
  const shape: Array<[string, Expr]> = []
  const rules: Array<[string, Expr]> = []
  const own: Expr[] = []
  const requiredOwn: string[] = []
  let dropped = false
  for (const [key, property] of Object.entries(properties)) {
    if (isDropped(property as JsonSchema, ctx.mode, ctx.env.index)) {
      dropped = true
      continue
    }
    const value = jsonParts?.has(key) ? jsonPartExpr(property as JsonSchema, ctx, translate) : translate(property as JsonSchema, ctx)
    if (inherited(key)) {
      own.push(array([literal(key), value]))
      if (required.has(key)) requiredOwn.push(key)
      continue
    }
    const hasDefault = asObject(property)?.default !== undefined
    shape.push([key, required.has(key) || hasDefault ? value : method(value, 'optional')])
  }
  // `required` may name keys it does not describe: they must be present, with any value.
  for (const key of required) {
    if (Object.hasOwn(properties, key)) continue
    if (inherited(key)) requiredOwn.push(key)
    else shape.push([key, zod('unknown')])
  }
  if (own.length > 0) rules.push(['own', array(own)])
  if (requiredOwn.length > 0) rules.push(['required', literal(requiredOwn)])

  const patterns = Object.entries(asObject(schema.patternProperties) ?? {}).map(([pattern, sub]) =>
    array([regexExpr(pattern), translate(sub as JsonSchema, ctx)]),
  )
  if (patterns.length > 0) rules.push(['patterns', array(patterns)])
  const extra = schema.additionalProperties
  const extraSchema = extra !== undefined && extra !== true && !(asObject(extra) && Object.keys(extra as object).length === 0)
  // zod's strict/catchall know only the shape's keys; patterns and inherited names need the refinement.
  const extraByRule = extraSchema && (patterns.length > 0 || own.length > 0)
  if (extraByRule) {
    rules.push(['known', literal(Object.keys(properties))])
    rules.push(['additional', extra === false ? literal(false) : translate(extra as JsonSchema, ctx)])
  }
  if (schema.propertyNames !== undefined && schema.propertyNames !== true) rules.push(['names', translate(schema.propertyNames as JsonSchema, { ...ctx, coerce: false })])
  if (finite(schema.minProperties) && schema.minProperties > 0) rules.push(['min', literal(schema.minProperties)])
  if (finite(schema.maxProperties)) rules.push(['max', literal(schema.maxProperties)])
  dependencies(schema, ctx, translate, rules)
  if (schema.unevaluatedProperties !== undefined && schema.unevaluatedProperties !== true) {
    const unevaluated = schema.unevaluatedProperties === false ? literal(false) : translate(schema.unevaluatedProperties as JsonSchema, ctx)
    rules.push(['unevaluated', array([unevaluated, evaluatedExpr(schema, 'properties', ctx, translate)])])
  }

  let expr: Expr
  if (extra === false && !extraByRule) {
    // A closed object still rejects unknown request keys (a client sending a readOnly field
    // included, as express-openapi-validator does), but a response quietly loses its writeOnly ones.
    expr = zod(dropped && ctx.mode === 'response' ? 'object' : 'strictObject', object(shape))
  } else if (extraSchema && !extraByRule) expr = method(zod('object', object(shape)), 'catchall', translate(extra as JsonSchema, ctx))
  else expr = zod(dropped ? 'object' : 'looseObject', object(shape))
  // The rules read the input, not zod's copy: a JSON `__proto__` key does not survive the copy, defaults are not the client's keys.
  if (rules.length > 0) expr = method(method(zod('unknown'), 'superRefine', call(ctx.env.helper('$object'), object(rules))), 'pipe', expr)
  return expr
}

/** dependentRequired, dependentSchemas, and draft 4 `dependencies` (an array of names or a schema per key). */
function dependencies(schema: SchemaObject, ctx: Ctx, translate: Translate, rules: Array<[string, Expr]>): void {
  const names: Expr[] = []
  const schemas: Expr[] = []
  const add = (map: unknown, kinds: 'names' | 'schemas' | 'both') => {
    for (const [key, value] of Object.entries(asObject(map) ?? {})) {
      if (Array.isArray(value)) {
        if (kinds !== 'schemas' && value.length > 0) names.push(array([literal(key), literal(value)]))
      } else if (kinds !== 'names' && value !== true && !(asObject(value) && Object.keys(value as object).length === 0)) {
        schemas.push(array([literal(key), translate(value as JsonSchema, { ...ctx, coerce: false })]))
      }
    }
  }
  add(schema.dependentRequired, 'names')
  add(schema.dependentSchemas, 'schemas')
  add(schema.dependencies, 'both')
  if (names.length > 0) rules.push(['dependentRequired', array(names)])
  if (schemas.length > 0) rules.push(['dependentSchemas', array(schemas)])
}

const OBJECT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'nullable', 'minProperties', 'maxProperties'])

/** Whether a schema only describes an object's properties, so allOf members of this kind can merge into one object. */
export function isPlainObjectSchema(schema: SchemaObject): boolean {
  for (const key of Object.keys(schema)) if (!OBJECT_KEYWORDS.has(key) && !isAnnotation(key)) return false
  if (schema.nullable === true) return false
  const type = schema.type
  return type === undefined || type === 'object'
}

/**
 * Merges `allOf` (and the schema's own object keywords) into one object schema when every member
 * is a plain object schema, following component refs and nested allOf. The result says
 * `type: object` only if a member does (a keyword alone never implies a type). A property
 * declared twice takes the later declaration (the usual "refine the base" pattern, and what an
 * instance must satisfy for both when one declaration is a subtype of the other). Closed members
 * (`additionalProperties` not true) merge only if they declare every property of the others:
 * otherwise their additionalProperties applies to the others' properties, which a merge would
 * hide. Undefined when the members cannot merge.
 */
export function flattenAllOf(schema: SchemaObject, index: SchemaIndex): SchemaObject | undefined {
  // Memoized per schema object: components are flattened once whether reached as a member or a union branch.
  if (flattened.has(schema)) return flattened.get(schema) ?? undefined
  const parts: SchemaObject[] = []
  const result = collect(schema, index, new Set(), parts) ? merge(parts) : undefined
  flattened.set(schema, result ?? null)
  return result
}

const flattened = new WeakMap<SchemaObject, SchemaObject | null>()

function collect(schema: SchemaObject, index: SchemaIndex, seen: Set<string>, parts: SchemaObject[]): boolean {
  const { allOf, nullable: _nullable, default: _default, ...own } = schema
  if (!Array.isArray(allOf) || !isPlainObjectSchema(own)) return false
  parts.push(own)
  for (const member of allOf as JsonSchema[]) {
    let target: JsonSchema | undefined = member
    const ref = refOf(member)
    if (ref !== undefined) {
      // Only refs on the current path count as a cycle: diamonds (two members sharing a base) are fine.
      if (seen.has(ref) || Object.keys(member as object).length > 1) return false
      const name = componentName(ref)
      target = name !== undefined ? index.components.get(name) : resolveLocalRef(index.document, ref)
    }
    if (target === true) continue
    const part = asObject(target)
    if (part === undefined) return false
    if (Array.isArray(part.allOf)) {
      if (ref !== undefined) seen.add(ref)
      const ok = collect(part, index, seen, parts)
      if (ref !== undefined) seen.delete(ref)
      if (!ok) return false
    } else if (isPlainObjectSchema(part) && part.nullable !== true) parts.push(part)
    else return false
  }
  return true
}

function merge(parts: SchemaObject[]): SchemaObject | undefined {
  const properties: SchemaObject = {}
  const required: unknown[] = []
  const merged: SchemaObject = { properties, required }
  for (const part of parts) {
    if (part.type === 'object') merged.type = 'object'
    Object.assign(properties, asObject(part.properties) ?? {})
    if (Array.isArray(part.required)) for (const name of part.required) if (!required.includes(name)) required.push(name)
    for (const key of ['minProperties', 'maxProperties'] as const) if (part[key] !== undefined) merged[key] = part[key]
  }
  const names = Object.keys(properties)
  let closed: unknown
  for (const part of parts) {
    const extra = part.additionalProperties
    if (extra === undefined || extra === true) continue
    const declared = asObject(part.properties) ?? {}
    if (closed !== undefined || !names.every((name) => Object.hasOwn(declared, name))) return undefined
    closed = extra
  }
  if (closed !== undefined) merged.additionalProperties = closed
  return merged
}
