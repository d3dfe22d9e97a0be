// Response header schemas (development mode's reply check): one loose object per response, values
// coerced from header text, lists split on commas; headers any text satisfies are left out.
import type { ZodType } from 'zod'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ResponseHeader } from '../../../generator/src/model/types.js'
import { generate, type GeneratedSchemas, modelOf, operationOf } from './harness.js'

const header = (name: string, schema: unknown): ResponseHeader => ({ name, required: false, schema: schema as ResponseHeader['schema'] })

describe('response header schemas', () => {
  let generated: GeneratedSchemas
  let headers: (status: string) => ZodType | undefined
  beforeAll(async () => {
    const op = operationOf('reply', { responses: { '200': {}, '429': {}, '204': {} } })
    const at = (status: string) => op.responses.find((r) => r.status === status)!
    at('200').headers = [
      header('X-Rate-Limit', { $ref: '#/components/schemas/Count' }),
      header('X-Flags', { type: 'array', items: { type: 'boolean' } }),
      header('ETag', { type: 'string', description: 'any text passes' }),
      header('Location', { type: 'string', format: 'uri-reference' }),
      header('Content-Type', { type: 'string', enum: ['never/checked'] }),
      header('WWW-Authenticate', { type: 'string', enum: ['never/checked'] }),
      header('X-Object', { type: 'object', properties: { a: { type: 'integer' } } }),
      header('X-Id', { type: 'string', format: 'uuid' }),
    ]
    at('429').headers = [header('Retry-After', { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: 'GMT$' }] })]
    at('204').headers = [header('ETag', { type: 'string' })]
    generated = await generate(modelOf({ openapi: '3.1', schemas: { Count: { type: 'integer', minimum: 0 } }, operations: [op] }), 'response-headers')
    headers = (status) => (generated.operationSchemas.reply as unknown as { headers?: Record<string, ZodType> }).headers?.[status]
  })

  it.each([
    ['an integer through a $ref', { 'x-rate-limit': '10' }, true],
    ['an integer that is not one', { 'x-rate-limit': 'ten' }, false],
    ['below the minimum', { 'x-rate-limit': '-1' }, false],
    ['a comma-separated list', { 'x-flags': 'true, false,true' }, true],
    ['a list with a bad item', { 'x-flags': 'true, maybe' }, false],
    ['an asserted format', { 'x-id': 'not-a-uuid' }, false],
    ['headers not declared', { 'x-other': '!', 'content-type': 'never/checked-either' }, true],
  ])('200: %s', (_, values, ok) => {
    expect(headers('200')!.safeParse(values).success).toBe(ok)
  })

  it('leaves out Content-Type, WWW-Authenticate, object-valued headers and those any text satisfies', () => {
    expect(headers('200')!.safeParse({ 'content-type': 'x/y', 'www-authenticate': 'Basic', 'x-object': 'a,1', etag: '"1"', location: '::' }).success).toBe(true)
    // Only `operationSchemas` uses it, so it is written there, inline.
    const emitted = /headers: \{\n\s+'200': \$lazy\(\(\) => \$z\.looseObject\(\{\n([^]*?)\n\s+\}\)\)/.exec(generated.source)![1]!
    expect([...emitted.matchAll(/^\s+('[^']+'|\w+): /gm)].map((m) => m[1])).toEqual(["'x-rate-limit'", "'x-flags'", "'x-id'"])
    expect(headers('204')).toBeUndefined()
  })

  it('oneOf branches coerce (Retry-After: seconds or a date)', () => {
    expect(headers('429')!.safeParse({ 'retry-after': '120' }).success).toBe(true)
    expect(headers('429')!.safeParse({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }).success).toBe(true)
    expect(headers('429')!.safeParse({ 'retry-after': 'soon' }).success).toBe(false)
  })
})
