// validate: true checks success bodies against the generated zod schemas (loaded on first use).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RequestError } from '@gatehouse/client'
import { createClient } from '../generated/articles/client.js'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const article = { id: 'a1', title: 'T', body: 'B', status: 'draft' }

describe('validate', () => {
  it('passes a body that matches the spec', async () => {
    server.route = (_req, res) => json(res, 200, article)
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' }, validate: true })
    const r = await api.getArticle({ params: { path: { id: 'a1' } } })
    expect(r.ok && r.data).toEqual(article)
  })

  it('rejects a body that does not, with the zod error as cause', async () => {
    server.route = (_req, res) => json(res, 200, { id: 'a1', body: 'no title' })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' }, validate: true })
    const e = await api.getArticle({ params: { path: { id: 'a1' } } }).catch((e: unknown) => e)
    expect(e).toBeInstanceOf(RequestError)
    expect((e as RequestError).code).toBe('invalid-response')
    expect(String((e as RequestError).cause)).toMatch(/title/)
  })

  it('is off by default', async () => {
    server.route = (_req, res) => json(res, 200, { id: 'a1', body: 'no title' })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' } })
    expect((await api.getArticle({ params: { path: { id: 'a1' } } })).status).toBe(200)
  })
})
