// The request URL: path substitution and query serialization per OpenAPI style/explode.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { queryPart } from '../../packages/client/src/request/query.js'
import { buildUrl, hasStructuredQuery, type QueryStyle } from '../../packages/client/src/request/url.js'

const base = 'https://api.example.com/v1'

describe('buildUrl', () => {
  it.each<[string, Record<string, unknown>, Record<string, QueryStyle> | undefined, string]>([
    ['scalars', { limit: 5, on: true, q: 'a b&c' }, undefined, '?limit=5&on=true&q=a%20b%26c'],
    ['null and undefined skipped, empty array skipped', { a: undefined, b: null, c: [] }, undefined, ''],
    ['array form exploded (default)', { tag: ['x', 'y'] }, undefined, '?tag=x&tag=y'],
    ['array form not exploded', { tag: ['x', 'y,z'] }, { tag: ['form', false] }, '?tag=x,y%2Cz'],
    ['array spaceDelimited', { tag: ['x', 'y'] }, { tag: ['spaceDelimited', false] }, '?tag=x%20y'],
    ['array pipeDelimited', { tag: ['x', 'y'] }, { tag: ['pipeDelimited', false] }, '?tag=x|y'],
    ['object deepObject (default)', { f: { a: 1, b: 'x y' } }, undefined, '?f[a]=1&f[b]=x%20y'],
    ['object form exploded', { f: { a: 1, b: 2 } }, { f: ['form', true] }, '?a=1&b=2'],
    ['object form not exploded', { f: { a: 1, b: 2 } }, { f: ['form', false] }, '?f=a,1,b,2'],
  ])('%s', (_name, query, styles, expected) => {
    expect(buildUrl(base, '/items', { query }, styles, queryPart)).toBe(`${base}/items${expected}`)
  })

  it('asks for the serializer only when an array or object is in the query', () => {
    expect(hasStructuredQuery({ limit: 5, q: 'x', a: null, b: undefined })).toBe(false)
    expect(hasStructuredQuery(undefined)).toBe(false)
    expect(hasStructuredQuery({ tag: ['x'] })).toBe(true)
    expect(hasStructuredQuery({ f: { a: 1 } })).toBe(true)
    expect(buildUrl(base, '/items', { query: { limit: 5, q: 'a b' } }, { q: ['pipeDelimited', false] })).toBe(`${base}/items?limit=5&q=a%20b`)
  })

  it('percent-encodes path parameters and refuses a missing one', () => {
    expect(buildUrl(base, '/a/{id}/b/{n}', { path: { id: 'x/y?z#', n: 3 } }, undefined)).toBe(`${base}/a/x%2Fy%3Fz%23/b/3`)
    expect(() => buildUrl(base, '/a/{id}', { path: {} }, undefined)).toThrow(TypeError)
    expect(() => buildUrl(base, '/a/{id}', undefined, undefined)).toThrow(/"id"/)
  })

  it('round-trips any strings through form/explode query parameters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), fc.string({ unit: 'grapheme' }), (tags, q) => {
        const url = new URL(buildUrl(base, '/items', { query: { tag: tags, q } }, undefined, queryPart))
        expect(url.searchParams.getAll('tag')).toEqual(tags)
        expect(url.searchParams.get('q')).toBe(q)
      }),
    )
  })
})
