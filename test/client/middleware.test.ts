// createClient({ middleware }): hooks around every attempt, against a real server
// on 127.0.0.1 that sees exactly what was sent.
import type { Middleware } from '@gatehouse/client'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createClient, type ClientOptions } from '../generated/articles/client.js'
import { bearer, json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.close())

const article = { id: 'a1', title: 'T', body: 'B', status: 'published', owner: 'mary' }
const get = (api: ReturnType<typeof createClient>) => api.getArticle({ params: { path: { id: 'a1' } } })

describe('middleware', () => {
  it('the generated ClientOptions accept it, typed', () => {
    const options: ClientOptions = { baseUrl: server.url, middleware: [{ onRequest: ({ request, operation, attempt }) => void [request.url, operation, attempt] }] }
    expectTypeOf(options.middleware).toEqualTypeOf<readonly Middleware[] | undefined>()
    // @ts-expect-error -- onResponse must return a Response or nothing
    const wrong: Middleware = { onResponse: () => 'nope' }
    void wrong
  })

  it('runs onRequest in order and onResponse in reverse, on every attempt: the replay after a refresh and a retry', async () => {
    server.seen.length = 0
    let calls = 0
    server.route = (req, res) => {
      calls++
      if (bearer(req) !== 'fresh') return json(res, 401, { title: 'Unauthorized', status: 401 }, { 'www-authenticate': 'Bearer realm="x", error="invalid_token"' })
      if (calls === 2) return json(res, 503, { title: 'Busy', status: 503 }, { 'retry-after': '0' })
      return json(res, 200, article)
    }
    const log: string[] = []
    const tagged = (tag: string): Middleware => ({
      onRequest: ({ request, operation, attempt }) => {
        log.push(`${tag}.req ${operation} #${attempt} ${request.headers.get('authorization')}`)
        request.headers.set(`x-${tag}`, String(attempt))
      },
      onResponse: ({ response, attempt }) => void log.push(`${tag}.res #${attempt} ${response.status}`),
    })
    let token = 'old'
    const api = createClient({
      baseUrl: server.url,
      auth: { oauth2: { getToken: () => token, refresh: async () => (token = 'fresh') } },
      retry: { attempts: 3, baseDelayMs: 1 },
      middleware: [tagged('a'), tagged('b')],
    })
    const r = await get(api)
    expect(r.status).toBe(200)
    expect(log).toEqual([
      'a.req getArticle #1 Bearer old',
      'b.req getArticle #1 Bearer old',
      'b.res #1 401',
      'a.res #1 401',
      'a.req getArticle #2 Bearer fresh',
      'b.req getArticle #2 Bearer fresh',
      'b.res #2 503',
      'a.res #2 503',
      'a.req getArticle #3 Bearer fresh',
      'b.req getArticle #3 Bearer fresh',
      'b.res #3 200',
      'a.res #3 200',
    ])
    // What the hooks set reached the server on each attempt.
    expect(server.seen.map((s) => [s.headers['x-a'], s.headers['x-b']])).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ])
  })

  it('onRequest may replace the request (body included) or answer it; onResponse may replace the response', async () => {
    server.seen.length = 0
    server.route = (req, res) => json(res, 201, { ...JSON.parse(req.body.toString()), id: 'n1', owner: 'mary' })
    const api = createClient({
      baseUrl: server.url,
      auth: { oauth2: 'tok' },
      middleware: [
        {
          onRequest: async ({ request }) => {
            const body = (await request.clone().json()) as { title: string }
            return new Request(request, { body: JSON.stringify({ ...body, title: body.title.toUpperCase() }) })
          },
        },
      ],
    })
    const created = await api.createArticle({ body: { title: 'quiet', body: 'b', status: 'draft' } })
    if (created.status !== 201) throw new Error(`unexpected ${created.status}`)
    expect(created.data.title).toBe('QUIET')
    expect(server.seen[0]!.headers.authorization).toBe('Bearer tok')

    const cached = createClient({ baseUrl: server.url, middleware: [{ onRequest: () => Response.json(article) }] })
    const seen = server.seen.length
    const r = await get(cached)
    expect(r.ok && r.data.title).toBe('T')
    expect(server.seen.length).toBe(seen)

    server.route = (_req, res) => json(res, 200, article)
    const rewritten = createClient({ baseUrl: server.url, middleware: [{ onResponse: ({ response }) => new Response(response.body, { status: 404, headers: response.headers }) }] })
    expect((await get(rewritten)).status).toBe(404)
  })

  it('onError sees a transport failure and may recover with a Response or replace the error', async () => {
    const down = 'http://127.0.0.1:9'
    const recovered = createClient({ baseUrl: down, middleware: [{ onError: ({ error }) => (error instanceof Error ? Response.json(article) : undefined) }] })
    const r = await get(recovered)
    expect(r.ok && r.data.id).toBe('a1')

    const replaced = createClient({ baseUrl: down, middleware: [{ onError: () => new Error('offline') }] })
    await expect(get(replaced)).rejects.toMatchObject({ name: 'RequestError', code: 'network', cause: new Error('offline') })
  })
})
