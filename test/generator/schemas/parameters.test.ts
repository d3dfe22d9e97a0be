import { beforeAll, describe, expect, it } from 'vitest'
import { generate, type GeneratedSchemas, modelOf, operationOf, parameter } from './harness.js'

describe('parameters', () => {
  let generated: GeneratedSchemas
  beforeAll(async () => {
    generated = await generate(
      modelOf({
        openapi: '3.0',
        schemas: {
          Limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          Level: { type: 'integer', enum: [1, 2, 3] },
          Form: {
            type: 'object',
            required: ['count'],
            properties: { count: { type: 'integer' }, flags: { type: 'array', items: { type: 'boolean' } }, id: { type: 'string', readOnly: true } },
          },
        },
        operations: [
          operationOf('search', {
            parameters: [
              parameter('limit', 'query', { $ref: '#/components/schemas/Limit' }),
              parameter('ratio', 'query', { type: 'number' }),
              parameter('flag', 'query', { type: 'boolean' }),
              parameter('tags', 'query', { type: 'array', items: { type: 'integer' }, maxItems: 3 }),
              parameter('level', 'query', { $ref: '#/components/schemas/Level' }),
              parameter('q', 'query', { type: 'string', minLength: 1 }, { required: true }),
              parameter('maybe', 'query', { type: 'integer', nullable: true }),
              parameter('filter', 'query', { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }, { contentType: 'application/json' }),
              parameter('id', 'path', { type: 'integer' }),
              parameter('X-Request-ID', 'header', { type: 'string', format: 'uuid' }, { required: true }),
              parameter('X-Retry', 'header', { type: 'integer' }),
              parameter('x-retry', 'header', { type: 'string' }),
              parameter('Authorization', 'header', { type: 'string' }, { required: true }),
              parameter('session', 'cookie', { type: 'string' }, { required: true }),
            ],
          }),
          operationOf('submit', {
            body: {
              content: {
                'application/x-www-form-urlencoded': { $ref: '#/components/schemas/Form' },
                'application/json': { $ref: '#/components/schemas/Form' },
              },
            },
          }),
          operationOf('noParams'),
          operationOf('onlyIgnoredHeader', { parameters: [parameter('Accept', 'header', { type: 'string' })] }),
        ],
      }),
      'parameters',
    )
  })

  const query = (value: Record<string, unknown>) => generated.operationSchemas.search!.query!.safeParse({ q: 'x', ...value })

  it.each([
    ['applies defaults', {}, { q: 'x', limit: 20 }],
    ['parses integers', { limit: '12' }, { q: 'x', limit: 12 }],
    ['parses numbers', { ratio: '-1.5e2' }, { q: 'x', limit: 20, ratio: -150 }],
    ['parses booleans', { flag: 'false' }, { q: 'x', limit: 20, flag: false }],
    ['parses each array item', { tags: ['1', '2'] }, { q: 'x', limit: 20, tags: [1, 2] }],
    ['accepts a lone array item', { tags: '3' }, { q: 'x', limit: 20, tags: [3] }],
    ['parses numeric enums', { level: '2' }, { q: 'x', limit: 20, level: 2 }],
    ['parses JSON content parameters', { filter: '{"a":1}' }, { q: 'x', limit: 20, filter: { a: 1 } }],
  ])('%s', (_name, input, output) => {
    const result = query(input)
    expect(result.error?.issues).toBeUndefined()
    expect(result.data).toEqual(output)
  })

  it.each([
    ['trailing garbage in a number', { limit: '12abc' }],
    ['an empty number', { limit: '' }],
    ['a number out of range', { limit: '0' }],
    ['a fraction for an integer', { limit: '1.5' }],
    ['a boolean other than true/false', { flag: 'yes' }],
    ['a boolean spelled 1', { flag: '1' }],
    ['a bad array item', { tags: ['1', 'x'] }],
    ['too many array items', { tags: ['1', '2', '3', '4'] }],
    ['a value outside an enum', { level: '4' }],
    ['invalid JSON', { filter: '{a:1}' }],
    ['JSON of the wrong shape', { filter: '{"a":"x"}' }],
    ['an unknown query key', { nope: '1' }],
    ['a blank required string', { q: '' }],
  ])('rejects %s', (_name, input) => {
    expect(query(input).success).toBe(false)
  })

  it('rejects a missing required query parameter', () => {
    expect(generated.operationSchemas.search!.query!.safeParse({}).success).toBe(false)
  })

  it('coerces path parameters, which are always required', () => {
    const path = generated.operationSchemas.search!.path!
    expect(path.parse({ id: '42' })).toEqual({ id: 42 })
    expect(path.safeParse({ id: 'x' }).success).toBe(false)
    expect(path.safeParse({}).success).toBe(false)
  })

  it('keys headers by lowercase name, ignores Authorization, and tolerates other headers', () => {
    const header = generated.operationSchemas.search!.header!
    const id = '123e4567-e89b-12d3-a456-426614174000'
    expect(header.parse({ 'x-request-id': id, 'x-retry': '3', 'user-agent': 'test' })).toEqual({ 'x-request-id': id, 'x-retry': 3 })
    expect(header.safeParse({ 'x-retry': '3' }).success).toBe(false)
    expect(header.safeParse({ 'x-request-id': 'nope' }).success).toBe(false)
  })

  it('validates cookies', () => {
    const cookie = generated.operationSchemas.search!.cookie!
    expect(cookie.safeParse({ session: 'abc', other: 'x' }).success).toBe(true)
    expect(cookie.safeParse({}).success).toBe(false)
  })

  it('coerces form bodies like parameters, and only form bodies', () => {
    const content = generated.operationSchemas.submit!.body!.content
    expect(content['application/x-www-form-urlencoded']!.parse({ count: '3', flags: 'true', id: 'x' })).toEqual({ count: 3, flags: [true] })
    expect(content['application/x-www-form-urlencoded']!.safeParse({ count: '3x' }).success).toBe(false)
    expect(content['application/json']!.safeParse({ count: '3' }).success).toBe(false)
    expect(content['application/json']!.parse({ count: 3, flags: [false] })).toEqual({ count: 3, flags: [false] })
  })

  it('has a location key only where the operation has parameters', () => {
    expect(Object.keys(generated.operationSchemas.noParams!)).toEqual(['responses'])
    expect(Object.keys(generated.operationSchemas.onlyIgnoredHeader!)).toEqual(['responses'])
  })
})
