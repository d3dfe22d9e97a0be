import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { JsonSchema } from '../../../generator/src/model/types.js'
import { generate, type GeneratedSchemas, modelOf } from './harness.js'

/** A JSON Schema paired with an arbitrary of values it must accept. */
interface Shape {
  schema: JsonSchema
  value: fc.Arbitrary<unknown>
}

const key = fc.stringMatching(/^[a-z]{1,6}$/)

const leaf: fc.Arbitrary<Shape> = fc.oneof(
  fc.tuple(fc.nat(4), fc.nat(6)).map(([min, span]) => ({
    schema: { type: 'string', minLength: min, maxLength: min + span },
    value: fc.string({ minLength: min, maxLength: min + span }),
  })),
  fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(1000)).map(([low, span]) => ({
    schema: { type: 'integer', minimum: low, maximum: low + span },
    value: fc.integer({ min: low, max: low + span }),
  })),
  fc.constant<Shape>({ schema: { type: 'number' }, value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.constant<Shape>({ schema: { type: 'boolean' }, value: fc.boolean() }),
  fc.uniqueArray(key, { minLength: 1, maxLength: 4 }).map((values) => ({
    schema: { type: 'string', enum: values },
    value: fc.constantFrom(...values),
  })),
  fc.constant<Shape>({
    schema: { type: 'string', format: 'date-time' },
    value: fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  }),
  fc.constant<Shape>({ schema: { type: ['integer', 'null'] }, value: fc.option(fc.integer(), { nil: null }) }),
)

const { shape } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('shape').map((item) => ({
      schema: { type: 'array', items: item.schema, maxItems: 3 },
      value: fc.array(item.value, { maxLength: 3 }),
    })),
    fc.uniqueArray(fc.tuple(key, tie('shape'), fc.boolean()), { minLength: 1, maxLength: 4, selector: ([name]) => name }).map((props) => ({
      schema: {
        type: 'object',
        properties: Object.fromEntries(props.map(([name, p]) => [name, p.schema])),
        required: props.filter(([, , required]) => required).map(([name]) => name),
      },
      value: fc.record(Object.fromEntries(props.map(([name, p]) => [name, p.value])), {
        requiredKeys: props.filter(([, , required]) => required).map(([name]) => name),
      }),
    })),
  ),
}))

describe('generated schemas accept values built to match (fast-check)', () => {
  const shapes = fc.sample(shape, { seed: 20261128, numRuns: 40 })
  let generated: GeneratedSchemas
  beforeAll(async () => {
    const schemas = Object.fromEntries(shapes.map((s, i) => [`S${i}`, s.schema]))
    generated = await generate(modelOf({ openapi: '3.1', schemas }), 'property')
  })

  it.each(shapes.map((s, i) => [i, s] as const))('shape %i', (i, s) => {
    const schema = generated.componentSchemas[`S${i}`]!
    fc.assert(
      fc.property(s.value, (value) => {
        const result = schema.safeParse(value)
        expect(result.error?.issues, JSON.stringify({ schema: s.schema, value })).toBeUndefined()
      }),
      { numRuns: 30, seed: i },
    )
    // Nothing at the root is optional, so a missing value never validates.
    expect(schema.safeParse(undefined).success).toBe(false)
  })
})
