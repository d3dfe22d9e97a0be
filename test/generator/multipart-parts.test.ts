// Which multipart fields the model marks as JSON parts: an explicit JSON `encoding` contentType, else
// OpenAPI's default (object, or array of objects), through $refs and allOf.
import { describe, expect, it } from 'vitest'
import { modelOf } from './helpers.js'

async function jsonPartsOf(schema: object, encoding?: object, components: object = {}): Promise<string[] | undefined> {
  const model = await modelOf({
    paths: {
      '/up': {
        post: {
          operationId: 'up',
          requestBody: { content: { 'multipart/form-data': { schema, ...(encoding && { encoding }) } } },
          responses: { '204': { description: 'ok' } },
        },
      },
    },
    components: { schemas: components },
  })
  return model.operations[0]!.requestBody!.content[0]!.jsonParts
}

const Obj = { type: 'object', properties: { a: { type: 'string' } } }

describe('multipart JSON parts', () => {
  it.each([
    ['an object property', { properties: { meta: Obj } }, undefined, ['meta']],
    ['an untyped property with properties', { properties: { meta: { properties: { a: {} } } } }, undefined, ['meta']],
    ['an object or null (3.1 type list)', { properties: { meta: { type: ['object', 'null'] } } }, undefined, ['meta']],
    ['an array of objects', { properties: { list: { type: 'array', items: Obj } } }, undefined, ['list']],
    ['an array of strings: text parts', { properties: { tags: { type: 'array', items: { type: 'string' } } } }, undefined, undefined],
    ['primitives and binary: not JSON', { properties: { n: { type: 'integer' }, s: { type: 'string' }, f: { type: 'string', format: 'binary' } } }, undefined, undefined],
    ['a string declared application/json', { properties: { s: { type: 'string' } } }, { s: { contentType: 'application/json' } }, ['s']],
    ['a +json type', { properties: { s: { type: 'string' } } }, { s: { contentType: 'application/merge-patch+json' } }, ['s']],
    ['an object declared text/plain: not JSON', { properties: { meta: Obj } }, { meta: { contentType: 'text/plain' } }, undefined],
    ['a list mixing JSON and text: not decoded', { properties: { meta: Obj } }, { meta: { contentType: 'application/json, text/plain' } }, undefined],
    ['an encoding for a field the schema does not list', { additionalProperties: true }, { extra: { contentType: 'application/json' } }, ['extra']],
  ])('%s', async (_, schema, encoding, expected) => {
    expect(await jsonPartsOf({ type: 'object', ...schema }, encoding)).toEqual(expected)
  })

  it('follows $refs to the body schema, its properties and array items, and allOf members', async () => {
    const parts = await jsonPartsOf(
      { $ref: '#/components/schemas/Upload' },
      undefined,
      {
        Upload: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { labels: { type: 'array', items: { $ref: '#/components/schemas/Label' } } } }] },
        Base: { type: 'object', properties: { meta: { $ref: '#/components/schemas/Label' }, name: { type: 'string' } } },
        Label: { oneOf: [Obj, { type: 'object', properties: { b: { type: 'integer' } } }] },
      },
    )
    expect(parts).toEqual(['meta', 'labels'])
  })
})
