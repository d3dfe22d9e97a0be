// `validate` checks success bodies against the generated zod schemas, which the caller passes
// (eagerly, or as a loader run on first use): client.ts itself never imports schemas.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RequestError } from '@gatehouse/client'
import { createClient } from '../generated/articles/client.js'
import * as schemas from '../generated/articles/schemas.js'
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
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' }, validate: schemas })
    const r = await api.getArticle({ params: { path: { id: 'a1' } } })
    expect(r.ok && r.data).toEqual(article)
  })

  it.each([
    ['the schemas module', () => schemas],
    ['a loader', () => () => import('../generated/articles/schemas.js')],
  ])('rejects a body that does not, with the zod error as cause (%s)', async (_name, validate) => {
    server.route = (_req, res) => json(res, 200, { id: 'a1', body: 'no title' })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' }, validate: validate() })
    const e = await api.getArticle({ params: { path: { id: 'a1' } } }).catch((e: unknown) => e)
    expect(e).toBeInstanceOf(RequestError)
    expect((e as RequestError).code).toBe('invalid-response')
    expect(String((e as RequestError).cause)).toMatch(/title/)
  })

  it('calls the loader once, on the first response', async () => {
    server.route = (_req, res) => json(res, 200, article)
    let loads = 0
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' }, validate: () => (loads++, import('../generated/articles/schemas.js')) })
    expect(loads).toBe(0)
    await api.getArticle({ params: { path: { id: 'a1' } } })
    await api.getArticle({ params: { path: { id: 'a1' } } })
    expect(loads).toBe(1)
  })

  it('refuses the former `validate: true` with a message saying what to pass', () => {
    // @ts-expect-error validate takes the schemas, not a boolean
    expect(() => createClient({ baseUrl: server.url, validate: true })).toThrow(/validate` takes the generated schemas .*import \* as schemas/)
  })

  it('is off by default', async () => {
    server.route = (_req, res) => json(res, 200, { id: 'a1', body: 'no title' })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' } })
    expect((await api.getArticle({ params: { path: { id: 'a1' } } })).status).toBe(200)
  })
})
