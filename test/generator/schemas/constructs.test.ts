import { beforeAll, describe, expect, it } from 'vitest'
import type { JsonSchema } from '../../../generator/src/model/types.js'
import { generate, type GeneratedSchemas, modelOf } from './harness.js'

/** One JSON Schema construct: what must validate and what must not. */
interface Case {
  name: string
  schema: JsonSchema
  valid: unknown[]
  invalid: unknown[]
}

// Shared components the cases refer to.
const support: Record<string, JsonSchema> = {
  Base: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
  Open: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
}

const common: Case[] = [
  { name: 'string', schema: { type: 'string' }, valid: ['', 'a'], invalid: [1, null, undefined] },
  { name: 'length', schema: { type: 'string', minLength: 2, maxLength: 3 }, valid: ['ab', 'abc'], invalid: ['a', 'abcd'] },
  { name: 'pattern', schema: { type: 'string', pattern: '^a+$' }, valid: ['aa'], invalid: ['ab', ''] },
  { name: 'pattern is a search, not anchored', schema: { type: 'string', pattern: 'b' }, valid: ['abc'], invalid: ['ac'] },
  { name: 'invalid pattern is skipped', schema: { type: 'string', pattern: '(unclosed' }, valid: ['anything'], invalid: [1] },
  { name: 'unicode pattern', schema: { type: 'string', pattern: '^\\p{L}+$' }, valid: ['été'], invalid: ['a1'] },
  {
    name: 'date-time',
    schema: { type: 'string', format: 'date-time' },
    valid: ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+02:00'],
    invalid: ['2024-01-02', 'yesterday'],
  },
  { name: 'date', schema: { type: 'string', format: 'date' }, valid: ['2024-01-02'], invalid: ['2024-13-01', '2024-01-02T00:00:00Z'] },
  { name: 'email', schema: { type: 'string', format: 'email' }, valid: ['a@example.com'], invalid: ['a@', 'nope'] },
  { name: 'uuid', schema: { type: 'string', format: 'uuid' }, valid: ['123e4567-e89b-12d3-a456-426614174000'], invalid: ['123e4567'] },
  { name: 'uri', schema: { type: 'string', format: 'uri' }, valid: ['https://example.com/x?y=1'], invalid: ['not a url'] },
  { name: 'Kubernetes int-or-string', schema: { type: 'string', format: 'int-or-string' }, valid: ['25%', 1], invalid: [1.5, null] },
  { name: 'unknown format is ignored', schema: { type: 'string', format: 'color-name' }, valid: ['teal'], invalid: [3] },
  { name: 'integer', schema: { type: 'integer' }, valid: [0, -5, 2 ** 40], invalid: [1.5, '1', Number.NaN] },
  { name: 'int32', schema: { type: 'integer', format: 'int32' }, valid: [2147483647, -2147483648], invalid: [2147483648] },
  { name: 'int64 stays a safe integer', schema: { type: 'integer', format: 'int64' }, valid: [2 ** 52], invalid: [1.5, 2 ** 60] },
  { name: 'bounds', schema: { type: 'number', minimum: 1, maximum: 10 }, valid: [1, 10, 5.5], invalid: [0.5, 11] },
  { name: 'multipleOf', schema: { type: 'number', multipleOf: 0.5 }, valid: [1.5, 0], invalid: [1.2] },
  { name: 'boolean', schema: { type: 'boolean' }, valid: [true, false], invalid: ['true', 0] },
  { name: 'string enum', schema: { type: 'string', enum: ['a', 'b'] }, valid: ['a', 'b'], invalid: ['c', null] },
  { name: 'integer enum', schema: { type: 'integer', enum: [1, 2] }, valid: [1, 2], invalid: [3, '1'] },
  { name: 'mixed enum', schema: { enum: [1, 'a', true] }, valid: [1, 'a', true], invalid: [2, 'b', false] },
  { name: 'enum with null', schema: { enum: ['a', null] }, valid: ['a', null], invalid: ['b'] },
  { name: 'enum of only null', schema: { enum: [null] }, valid: [null], invalid: ['a'] },
  { name: 'empty enum', schema: { enum: [] }, valid: [], invalid: [null, 'a'] },
  { name: 'object enum', schema: { enum: [{ a: 1 }, [1, 2]] }, valid: [{ a: 1 }, [1, 2]], invalid: [{ a: 2 }, [2, 1]] },
  {
    name: 'items and bounds',
    schema: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 },
    valid: [[1], [1, 2]],
    invalid: [[], [1, 2, 3], ['a'], 'a'],
  },
  { name: 'uniqueItems', schema: { type: 'array', uniqueItems: true }, valid: [[1, 2], [{ a: 1 }, { a: 2 }]], invalid: [[1, 1], [{ a: 1 }, { a: 1 }]] },
  {
    name: 'required and optional properties, unknown keys allowed',
    schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'] },
    valid: [{ a: 'x' }, { a: 'x', b: 1 }, { a: 'x', extra: true }],
    invalid: [{}, { b: 1 }, { a: 1 }, { a: 'x', b: 'y' }, null, 'x'],
  },
  {
    name: 'additionalProperties: false',
    schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
    valid: [{}, { a: 'x' }],
    invalid: [{ a: 'x', extra: 1 }],
  },
  {
    name: 'additionalProperties schema',
    schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } },
    valid: [{ a: 'x', n: 1 }],
    invalid: [{ a: 'x', n: 'y' }],
  },
  { name: 'map', schema: { type: 'object', additionalProperties: { type: 'string' } }, valid: [{}, { x: 'y' }], invalid: [{ x: 1 }] },
  { name: 'free-form object', schema: { type: 'object' }, valid: [{}, { a: [1] }], invalid: ['x', null] },
  {
    name: 'min/maxProperties',
    schema: { type: 'object', minProperties: 1, maxProperties: 2 },
    valid: [{ a: 1 }, { a: 1, b: 2 }],
    invalid: [{}, { a: 1, b: 2, c: 3 }],
  },
  {
    name: 'keywords constrain only their instance types (no type is implied)',
    schema: { properties: { a: { minLength: 2 } }, required: ['a'] },
    valid: [{ a: 'ab' }, { a: 1 }, 'x', 1, null, []],
    invalid: [{ a: 'a' }, {}],
  },
  {
    name: 'allOf of open objects merges',
    schema: { allOf: [{ $ref: '#/components/schemas/Open' }, { properties: { b: { type: 'integer' } }, required: ['b'] }] },
    valid: [{ a: 'x', b: 1 }, { a: 'x', b: 1, c: 2 }],
    invalid: [{ a: 'x' }, { b: 1 }, { a: 1, b: 1 }],
  },
  {
    name: "a closed allOf member's additionalProperties applies to the other members' properties (JSON Schema)",
    schema: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { b: { type: 'integer' } } }] },
    valid: [{ a: 'x' }],
    invalid: [{ a: 'x', b: 1 }, { b: 1 }],
  },
  {
    name: 'allOf of non-objects intersects',
    schema: { allOf: [{ type: 'string', minLength: 2 }, { maxLength: 3 }] },
    valid: ['ab', 'abc'],
    invalid: ['a', 'abcd'],
  },
  { name: 'oneOf', schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, valid: ['a', 1], invalid: [true, 1.5] },
  {
    name: 'anyOf with own properties',
    schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], anyOf: [{ required: ['x'] }, { required: ['y'] }] },
    valid: [{ id: '1', x: 1 }, { id: '1', y: null }],
    invalid: [{ x: 1 }, { id: '1' }],
  },
  { name: 'not', schema: { type: 'string', not: { enum: ['admin', 'root'] } }, valid: ['bob'], invalid: ['admin', 'root'] },
  {
    name: 'quotes, backticks and comment markers survive in literals',
    schema: { type: 'string', enum: ["it's", 'a "b"', '`c`', '*/ d /*', 'line\nbreak', '\\'] },
    valid: ["it's", 'a "b"', '`c`', '*/ d /*', 'line\nbreak', '\\'],
    invalid: ['its'],
  },
  { name: 'quotes in a pattern', schema: { type: 'string', pattern: "^[^'\"`]*$" }, valid: ['plain'], invalid: ["it's", 'a"b', '`'] },
  { name: 'empty schema', schema: {}, valid: [1, 'a', null, { a: 1 }], invalid: [] },
  { name: 'ref to a component property', schema: { $ref: '#/components/schemas/Base/properties/a' }, valid: ['x'], invalid: [1] },
]

const openapi30: Case[] = [
  { name: '3.0 nullable', schema: { type: 'string', nullable: true }, valid: ['a', null], invalid: [1] },
  { name: '3.0 not nullable by default', schema: { type: 'string' }, valid: ['a'], invalid: [null] },
  {
    name: '3.0 boolean exclusive bounds',
    schema: { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true },
    valid: [2, 9.5],
    invalid: [1, 10],
  },
  { name: '3.0 nullable ref', schema: { $ref: '#/components/schemas/Base', nullable: true }, valid: [null, { a: 'x' }], invalid: [{}] },
  { name: '3.0 ignores siblings of $ref', schema: { $ref: '#/components/schemas/Base', maxProperties: 0 }, valid: [{ a: 'x' }], invalid: [{}] },
]

const openapi31: Case[] = [
  { name: '3.1 type array with null', schema: { type: ['string', 'null'] }, valid: ['a', null], invalid: [1] },
  { name: '3.1 type array of two types', schema: { type: ['string', 'integer'] }, valid: ['a', 1], invalid: [true, null] },
  { name: '3.1 null type', schema: { type: 'null' }, valid: [null], invalid: [0, ''] },
  { name: '3.1 numeric exclusive bounds', schema: { type: 'number', exclusiveMinimum: 1, exclusiveMaximum: 10 }, valid: [5], invalid: [1, 10] },
  { name: '3.1 const', schema: { const: 'x' }, valid: ['x'], invalid: ['y'] },
  { name: '3.1 const object', schema: { const: { a: [1] } }, valid: [{ a: [1] }], invalid: [{ a: [2] }] },
  {
    name: '3.1 prefixItems',
    schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
    valid: [['a', 1]],
    invalid: [[1, 'a'], ['a', 1, 2]],
  },
  { name: '3.1 boolean schema true', schema: true, valid: [1, 'x', null], invalid: [] },
  { name: '3.1 boolean schema false', schema: false, valid: [], invalid: [1, 'x', null] },
  { name: '3.1 siblings of $ref apply', schema: { $ref: '#/components/schemas/Base', maxProperties: 0 }, valid: [], invalid: [{ a: 'x' }] },
]

function suite(openapi: '3.0' | '3.1', cases: Case[]): void {
  describe(`JSON Schema constructs (OpenAPI ${openapi})`, () => {
    let generated: GeneratedSchemas
    beforeAll(async () => {
      const schemas: Record<string, JsonSchema> = { ...support }
      cases.forEach((c, i) => (schemas[`Case${i}`] = c.schema))
      generated = await generate(modelOf({ openapi, schemas }), `constructs-${openapi}`)
    })

    it.each(cases.map((c, i) => [c.name, i, c] as const))('%s', (_name, i, c) => {
      const schema = generated.componentSchemas[`Case${i}`]!
      for (const value of c.valid) expect(schema.safeParse(value).success, `should accept ${JSON.stringify(value)}`).toBe(true)
      for (const value of c.invalid) expect(schema.safeParse(value).success, `should reject ${JSON.stringify(value)}`).toBe(false)
    })
  })
}

suite('3.0', [...common, ...openapi30])
suite('3.1', [...common, ...openapi31])

describe('emitted code', () => {
  it('keeps unknown keys of open objects and applies defaults', async () => {
    const { componentSchemas } = await generate(
      modelOf({
        schemas: {
          Settings: {
            type: 'object',
            properties: { size: { type: 'integer', default: 20 }, tags: { type: 'array', items: { type: 'string' }, default: [] } },
          },
          Tagged: { type: 'string', default: 'none' },
          Holder: { type: 'object', properties: { tag: { $ref: '#/components/schemas/Tagged' } } },
        },
      }),
      'defaults',
    )
    expect(componentSchemas.Settings!.parse({ extra: 1 })).toEqual({ size: 20, tags: [], extra: 1 })
    expect(componentSchemas.Settings!.parse({ size: 3, tags: ['a'] })).toEqual({ size: 3, tags: ['a'] })
    const first = componentSchemas.Settings!.parse({}) as { tags: string[] }
    first.tags.push('mutated')
    expect(componentSchemas.Settings!.parse({})).toEqual({ size: 20, tags: [] })
    expect(componentSchemas.Holder!.parse({})).toEqual({ tag: 'none' })
  })

  it('skips an invalid pattern with a comment instead of failing', async () => {
    const { source } = await generate(modelOf({ schemas: { Bad: { type: 'string', pattern: '(?<' } } }), 'bad-pattern')
    expect(source).toContain('pattern skipped')
  })

  it('names consts safely and handles name collisions', async () => {
    const schemas: Record<string, JsonSchema> = {
      'simple-user': { type: 'string', const: 'dash' },
      simple_user: { type: 'string', const: 'underscore' },
      '1st': { type: 'string', const: 'digit' },
      __proto__: { type: 'string', const: 'proto' },
      z: { type: 'string', const: 'zed' },
    }
    // `__proto__` in an object literal would set the prototype, so build it as an own key.
    Object.defineProperty(schemas, '__proto__', { value: { type: 'string', const: 'proto' }, enumerable: true })
    const { componentSchemas } = await generate(modelOf({ schemas }), 'names')
    expect(Object.keys(componentSchemas)).toEqual(Object.keys(schemas))
    for (const [name, schema] of Object.entries(schemas)) {
      expect(componentSchemas[name]!.safeParse((schema as { const: string }).const).success, name).toBe(true)
    }
    expect(componentSchemas['simple-user']!.safeParse('underscore').success).toBe(false)
  })

  it('is deterministic', async () => {
    const model = modelOf({ schemas: { ...support, List: { type: 'array', items: { $ref: '#/components/schemas/Base' } } } })
    const { emitSchemas } = await import('../../../generator/src/emit/schemas/index.js')
    expect(emitSchemas(model, 'x.yaml')).toBe(emitSchemas(model, 'x.yaml'))
    expect(emitSchemas(model, 'x.yaml').startsWith('// Generated by gatehouse from x.yaml')).toBe(true)
  })
})
