import { FORMAT_CHECKS } from './formats.js'
import type { SchemaObject } from './schema-utils.js'

/** The instance types a keyword can constrain on its own (JSON Schema 2020-12 §6.1–6.5, §10.3; draft 4 §5). */
export type InstanceType = 'object' | 'array' | 'string' | 'number'

/**
 * Which instance type each type-specific keyword constrains. A keyword constrains only its type:
 * `{"minimum": 1}` accepts `"x"`, `{"properties": …}` accepts `1`. Keywords not listed here apply
 * to every instance (`type`, `enum`, `const`, `$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`) and
 * are handled by json-schema.ts and composition.ts; each type's keywords are turned into zod by
 * its builder: objects.ts, arrays.ts, scalars.ts.
 */
export const KEYWORD_TYPES: Readonly<Record<string, InstanceType>> = {
  properties: 'object',
  required: 'object',
  additionalProperties: 'object',
  patternProperties: 'object',
  propertyNames: 'object',
  minProperties: 'object',
  maxProperties: 'object',
  dependentRequired: 'object',
  dependentSchemas: 'object',
  dependencies: 'object', // draft 4: dependentRequired and dependentSchemas in one keyword
  unevaluatedProperties: 'object',
  items: 'array',
  prefixItems: 'array',
  additionalItems: 'array', // draft 4, with the array form of `items`
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  contains: 'array',
  minContains: 'array',
  maxContains: 'array',
  unevaluatedItems: 'array',
  minLength: 'string',
  maxLength: 'string',
  pattern: 'string',
  format: 'string', // only the formats gatehouse asserts (formats.ts); others are annotations
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  multipleOf: 'number',
}

/** Formats that constrain strings beyond FORMAT_CHECKS: zod's URL check, and Kubernetes' int-or-string. */
const OTHER_STRING_FORMATS = new Set(['url', 'int-or-string', 'binary'])

/** The instance types this schema's own type-specific keywords constrain. */
export function constrainedTypes(schema: SchemaObject): Set<InstanceType> {
  const types = new Set<InstanceType>()
  for (const key of Object.keys(schema)) {
    const type = KEYWORD_TYPES[key]
    if (type === undefined) continue
    if (key === 'format' && (typeof schema.format !== 'string' || !(Object.hasOwn(FORMAT_CHECKS, schema.format) || OTHER_STRING_FORMATS.has(schema.format)))) continue
    types.add(type)
  }
  return types
}
