// api.raw: openapi-fetch's path-style client, with the operation's credentials, renewal and retries.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { bearer, json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

describe('api.raw', () => {
  it('sends the credentials of the operation its path template names, and renews after a 401', async () => {
    server.route = (req, res) => {
      if (bearer(req) !== 'fresh') return json(res, 401, {}, { 'www-authenticate': 'Bearer error="invalid_token"' })
      json(res, 200, { id: 'a1', title: 'T', body: 'B', status: 'draft' })
    }
    const refresh = vi.fn(async () => 'fresh')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'old', refresh } } })
    const { data, error, response } = await api.raw.GET('/articles/{id}', { params: { path: { id: 'a1' } } })
    expect(response.status).toBe(200)
    expect(error).toBeUndefined()
    expect(data?.title).toBe('T')
    expect(refresh).toHaveBeenCalledOnce()
    expect(server.seen.slice(-2).map(bearer)).toEqual(['old', 'fresh'])
  })

  it('public operations get no credentials; JSON bodies pass through unchanged', async () => {
    server.route = (req, res) => json(res, 200, { access_token: 'x', token_type: 'bearer', echo: req.body.toString() })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 'tok' } })
    const { data } = await api.raw.POST('/authorize', { body: { grant_type: 'password', username: 'u' } })
    expect(server.seen.at(-1)!.headers.authorization).toBeUndefined()
    expect(JSON.parse((data as unknown as { echo: string }).echo)).toEqual({ grant_type: 'password', username: 'u' })
  })

  it('middleware registered with use() runs', async () => {
    server.route = (req, res) => json(res, 200, { items: [], seen: req.headers['x-mw'] })
    const api = createClient({ baseUrl: server.url })
    api.raw.use({ onRequest: ({ request }) => (request.headers.set('x-mw', 'yes'), request) })
    const { data } = await api.raw.GET('/articles')
    expect((data as { seen?: string }).seen).toBe('yes')
  })
})
