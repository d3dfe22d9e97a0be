// Retries of transient statuses, timeouts and aborts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RequestError } from '@gatehouse/client'
import { createClient } from '../generated/articles/client.js'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const article = { title: 'T', body: 'B', status: 'draft' as const }

/** Fails the first `n` requests with `status` (and `headers`), then succeeds. */
function failFirst(n: number, status: number, headers: Record<string, string> = {}) {
  let left = n
  server.route = (req, res) => {
    if (left-- > 0) return json(res, status, { title: 'later' }, headers)
    json(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? article : { items: [] })
  }
}

describe('retries', () => {
  it('honours Retry-After on 503 (seconds), then succeeds', async () => {
    failFirst(1, 503, { 'retry-after': '1' })
    const api = createClient({ baseUrl: server.url })
    const before = server.seen.length
    const started = performance.now()
    const r = await api.listArticles()
    const elapsed = performance.now() - started
    expect(r.status).toBe(200)
    expect(server.seen.length - before).toBe(2)
    expect(elapsed).toBeGreaterThanOrEqual(950)
    expect(elapsed).toBeLessThan(3000)
  })

  it('caps Retry-After at maxDelayMs', async () => {
    failFirst(1, 429, { 'retry-after': '3600' })
    const api = createClient({ baseUrl: server.url, retry: { maxDelayMs: 50 } })
    const started = performance.now()
    expect((await api.listArticles()).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('backs off without Retry-After and gives up after `attempts`, returning the last result', async () => {
    failFirst(10, 502)
    const api = createClient({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 5 } })
    const before = server.seen.length
    const r = await api.listArticles()
    expect(r).toMatchObject({ ok: false, status: 502 })
    expect(server.seen.length - before).toBe(3)
  })

  it('does not retry a POST (not idempotent)…', async () => {
    failFirst(1, 503, { 'retry-after': '0' })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' } })
    const before = server.seen.length
    expect((await api.createArticle({ body: article })).status).toBe(503)
    expect(server.seen.length - before).toBe(1)
  })

  it('…unless it carries an Idempotency-Key, replaying the same bytes', async () => {
    failFirst(1, 503, { 'retry-after': '0' })
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 't' } })
    const before = server.seen.length
    const r = await api.createArticle({ body: article, headers: { 'Idempotency-Key': 'k1' } })
    expect(r.status).toBe(201)
    const [first, second] = server.seen.slice(before)
    expect(second!.body.equals(first!.body)).toBe(true)
    expect(second!.headers['idempotency-key']).toBe('k1')
  })

  it('retry: false turns retries off', async () => {
    failFirst(1, 503, { 'retry-after': '0' })
    const api = createClient({ baseUrl: server.url, retry: false })
    expect((await api.listArticles()).status).toBe(503)
  })
})

describe('timeouts and aborts', () => {
  const hang = () => (server.route = (_req, res) => void setTimeout(() => json(res, 200, { items: [] }), 2000))

  it('timeoutMs rejects with code timeout', async () => {
    hang()
    const api = createClient({ baseUrl: server.url, timeoutMs: 100 })
    const e = await api.listArticles().catch((e: unknown) => e)
    expect(e).toBeInstanceOf(RequestError)
    expect((e as RequestError).code).toBe('timeout')
    expect((e as RequestError).cause).toBeDefined()
  })

  it('a per-call timeoutMs overrides the client one', async () => {
    hang()
    const api = createClient({ baseUrl: server.url, timeoutMs: 60_000 })
    await expect(api.listArticles({ timeoutMs: 50 })).rejects.toMatchObject({ code: 'timeout' })
  })

  it("the caller's signal rejects with code aborted, also combined with a timeout", async () => {
    hang()
    const api = createClient({ baseUrl: server.url, timeoutMs: 5000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user navigated away')), 50)
    const e = await api.listArticles({ signal: controller.signal }).catch((e: unknown) => e)
    expect(e).toMatchObject({ name: 'RequestError', code: 'aborted' })
    expect(((e as RequestError).cause as Error).message).toBe('user navigated away')
  })

  it('an abort during a Retry-After wait stops the retry', async () => {
    failFirst(5, 503, { 'retry-after': '5' })
    const api = createClient({ baseUrl: server.url })
    const before = server.seen.length
    const started = performance.now()
    await expect(api.listArticles({ signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ code: 'aborted' })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(server.seen.length - before).toBe(1)
  })
})
