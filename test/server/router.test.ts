// Literal paths are found by comparison among the few of the same length, or through a Map when
// many share one length; templated paths by pattern. Every path must route to its own operations.
import { describe, expect, it } from 'vitest'
import type { OperationDefinition } from '../../packages/server/src/definition.js'
import { Router } from '../../packages/server/src/router.js'

const op = (method: string, path: string) => ({ method, path, security: [], responses: {} }) as unknown as OperationDefinition

// Twelve literal paths of one length (past the comparison limit), a few of other lengths, two templates.
const crowded = Array.from({ length: 12 }, (_, i) => `/items-${String.fromCharCode(97 + i)}`)
const literal = ['/', '/a', '/articles', '/articles/drafts', '/token', ...crowded]
const operations: Record<string, OperationDefinition> = {}
for (const path of literal) operations[`get ${path}`] = op('get', path)
operations['post /articles'] = op('post', '/articles')
operations['get /articles/{id}'] = op('get', '/articles/{id}')
operations['get /{tenant}/settings'] = op('get', '/{tenant}/settings')

describe('Router', () => {
  const router = new Router(operations, (name) => name)

  it('routes every literal path to its own operations', () => {
    for (const path of literal) expect([...router.match(path)!.methods.values()], path).toContain(`get ${path}`)
    expect([...router.match('/articles')!.methods]).toEqual([
      ['GET', 'get /articles'],
      ['POST', 'post /articles'],
    ])
  })

  it('prefers a literal path, then matches templates', () => {
    expect(router.match('/articles/drafts')!.methods.get('GET')).toBe('get /articles/drafts')
    expect(router.match('/articles/42')).toEqual({ methods: new Map([['GET', 'get /articles/{id}']]), params: { id: '42' } })
    expect(router.match('/acme/settings')!.params).toEqual({ tenant: 'acme' })
  })

  it('misses paths of a known length with other characters, and longer paths', () => {
    for (const path of ['/b', '/articlez', '/items-z', '/tokens', '/articles/drafts/x/y/z/longer-than-any', '']) {
      expect(router.match(path), path).toBeUndefined()
    }
  })

  it('normalizes percent-encoding before matching', () => {
    expect(router.match('/%61rticles')!.methods.get('GET')).toBe('get /articles')
    expect(router.match('/items-%61')!.methods.get('GET')).toBe('get /items-a')
  })
})
