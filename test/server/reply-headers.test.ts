// Required response headers (issue 12, item 11): a reply helper whose status declares required
// headers takes them as a required, typed argument (checked by tsc over this file), and
// development mode reports a reply that lacks one, as it reports a body that does not match.
import { describe, expect, it, vi } from 'vitest'
import { createServer, type Handlers } from '../generated/articles/server.js'

const article = { title: 't', body: 'b', status: 'draft' as const }

// Compiles: the required Location header is given (lower-cased, as fetch names it).
export const withLocation: Handlers['createArticle'] = ({ body }, reply) => reply.created(body, { headers: { location: '/articles/t' } })
export const viaSend: Handlers['createArticle'] = ({ body }, reply) => reply.send(201, body, { headers: { location: '/articles/t', 'x-extra': '1' } })
// A 401's WWW-Authenticate is the pipeline's to add: not the handler's duty.
export const unauthorized: Handlers['createArticle'] = (_, reply) => reply.unauthorized({ type: 'about:blank', title: 'Unauthorized' })

// @ts-expect-error -- createArticle's 201 marks Location required
export const withoutLocation: Handlers['createArticle'] = ({ body }, reply) => reply.created(body)
// @ts-expect-error -- other headers do not stand in for it
export const otherHeader: Handlers['createArticle'] = ({ body }, reply) => reply.created(body, { headers: { 'x-other': 'y' } })
// @ts-expect-error -- send(201) needs it too
export const sendWithout: Handlers['createArticle'] = ({ body }, reply) => reply.send(201, body)

function app(reply: Handlers['createArticle'], logger: { error: (...args: unknown[]) => void }) {
  const notUsed = (() => {
    throw new Error('not used')
  }) as never
  return createServer({
    mode: 'development',
    logger,
    authenticate: { oauth2: async () => ({ subject: 'mary', scopes: ['articles:write'] }), bearerAuth: async () => undefined },
    handlers: { createArticle: reply, authorize: notUsed, listArticles: notUsed, getArticle: notUsed, deleteArticle: notUsed },
  })
}
const post = (a: ReturnType<typeof app>) =>
  a.fetch(new Request('http://x/articles', { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify(article) }))

describe('development mode checks required response headers', () => {
  it('logs a 201 sent without the Location the spec marks required', async () => {
    const logger = { error: vi.fn() }
    const forced = ((_: unknown, reply: { created(body: unknown): never }) => reply.created(article)) as unknown as Handlers['createArticle']
    const res = await post(app(forced, logger))
    expect(res.status).toBe(201)
    expect(logger.error).toHaveBeenCalledTimes(1)
    expect(String(logger.error.mock.calls[0]![0])).toMatch(/createArticle \(POST \/articles\) replied 201 without the header location that the spec marks required/)
  })

  it('stays quiet when the header is there, in any letter case', async () => {
    const logger = { error: vi.fn() }
    const res = await post(app((_, reply) => reply.created(article, { headers: { Location: '/articles/t' } as never }), logger))
    expect(res.headers.get('location')).toBe('/articles/t')
    expect(logger.error).not.toHaveBeenCalled()
  })
})

describe('reply helpers take every HeadersInit shape', () => {
  // Each shape through the JSON helper: a plain object goes the short way, the others through the
  // general conversion; the wire must not tell them apart.
  const nullPrototype = Object.assign(Object.create(null) as Record<string, string>, { location: '/articles/n', 'x-extra': 'n' })
  class Extra {
    location = '/articles/c'
    'x-extra' = 'c'
  }
  const shapes: [string, HeadersInit, string, string][] = [
    ['a plain object', { location: '/articles/p', 'x-extra': 'p' }, '/articles/p', 'p'],
    ['a plain object in other letter case', { Location: '/articles/u', 'X-Extra': 'u' }, '/articles/u', 'u'],
    ['a Headers', new Headers({ Location: '/articles/h', 'x-extra': 'h' }), '/articles/h', 'h'],
    ['pairs', [['Location', '/articles/a'], ['x-extra', 'a']], '/articles/a', 'a'],
    ['a null-prototype object', nullPrototype, '/articles/n', 'n'],
    ['a class instance', new Extra() as unknown as Record<string, string>, '/articles/c', 'c'],
  ]
  for (const [what, headers, location, extra] of shapes) {
    it(`as ${what}`, async () => {
      const logger = { error: vi.fn() }
      const res = await post(app(({ body }, reply) => reply.created(body, { headers: headers as never }), logger))
      expect(res.status).toBe(201)
      expect(res.headers.get('location')).toBe(location)
      expect(res.headers.get('x-extra')).toBe(extra)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(await res.json()).toEqual(article)
      expect(logger.error).not.toHaveBeenCalled()
    })
  }
})
