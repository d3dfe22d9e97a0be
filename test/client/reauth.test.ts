// Re-authentication after a 401: single flight, stale tokens, body replay, no loops.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TokenSource } from '@gatehouse/client'
import { createClient } from '../generated/articles/client.js'
import { bearer, json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const article = { title: 'Ünïcode ✓', body: 'x'.repeat(10_000), status: 'draft' as const, tags: ['a'] }

/** Accepts only `valid`; every other token gets RFC 6750's invalid_token. */
function acceptOnly(valid: () => string) {
  server.route = (req, res) => {
    if (bearer(req) !== valid()) return json(res, 401, { title: 'Unauthorized' }, { 'www-authenticate': 'Bearer realm="example", error="invalid_token"' })
    if (req.method === 'POST') return json(res, 201, JSON.parse(req.body.toString()))
    json(res, 200, { id: req.url.split('/').pop(), ...article })
  }
}

/** A token source whose refresh takes a while, so that concurrent 401s pile up behind it. */
function slowSource(next: string | undefined, fail = false) {
  let token = 'expired'
  const refresh = vi.fn(async () => {
    await new Promise((r) => setTimeout(r, 50))
    if (fail) throw new Error('refresh token revoked')
    token = next!
    return token
  })
  const source: TokenSource = { getToken: () => token, refresh }
  return { source, refresh }
}

describe('re-authentication', () => {
  it('refresh storm: 100 concurrent requests with an expired token → exactly 1 refresh, 100 successes', async () => {
    acceptOnly(() => 'fresh')
    const { source, refresh } = slowSource('fresh')
    const onUnauthenticated = vi.fn()
    const api = createClient({ baseUrl: server.url, auth: { oauth2: source }, onUnauthenticated })
    const before = server.seen.length
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => api.getArticle({ params: { path: { id: `a${i}` } } })))
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200))
    expect(results.every((r, i) => r.ok && r.data.id === `a${i}`)).toBe(true)
    expect(onUnauthenticated).not.toHaveBeenCalled()
    // Each request at most twice: the rejected try and one replay.
    expect(server.seen.length - before).toBeLessThanOrEqual(200)
  })

  it('failing refresh: 100 typed 401s, one refresh attempt, no loop', async () => {
    acceptOnly(() => 'never')
    const { source, refresh } = slowSource(undefined, true)
    const onUnauthenticated = vi.fn()
    const api = createClient({ baseUrl: server.url, auth: { oauth2: source }, onUnauthenticated })
    const before = server.seen.length
    const results = await Promise.all(Array.from({ length: 100 }, () => api.getArticle({ params: { path: { id: 'a' } } })))
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(server.seen.length - before).toBe(100)
    for (const r of results) {
      if (r.status !== 401) throw new Error(`unexpected ${r.status}`)
      expect(r.reauthenticated).toBe(false)
      expect(r.reauthSkipped).toBe('refresh-failed')
      expect(r.bearer?.error).toBe('invalid_token')
    }
    expect(onUnauthenticated).toHaveBeenCalledTimes(100)
    // A later call with the same dead token does not refresh again either.
    await api.getArticle({ params: { path: { id: 'a' } } })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('a refresh that yields nothing is a failure too', async () => {
    acceptOnly(() => 'never')
    const refresh = vi.fn(async () => undefined)
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'old', refresh } } })
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r).toMatchObject({ status: 401, reauthenticated: false, reauthSkipped: 'refresh-failed' })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('never twice: a replay that gets 401 again is returned with reauthenticated: true', async () => {
    acceptOnly(() => 'never')
    let n = 0
    const refresh = vi.fn(async () => `new-${++n}`)
    const onUnauthenticated = vi.fn()
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'old', refresh } }, onUnauthenticated })
    const before = server.seen.length
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r).toMatchObject({ status: 401, reauthenticated: true })
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(server.seen.slice(before).map(bearer)).toEqual(['old', 'new-1'])
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('a 401 from the credentials-exchange operation (authorize) never refreshes', async () => {
    server.route = (_req, res) => json(res, 401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="example"' })
    const refresh = vi.fn(async () => 'new')
    const onUnauthenticated = vi.fn()
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'old', refresh } }, onUnauthenticated })
    const before = server.seen.length
    const r = await api.authorize({ body: { grant_type: 'refresh_token', refresh_token: 'rt' } })
    if (r.status !== 401) throw new Error(`unexpected ${r.status}`)
    expect(r.reauthSkipped).toBe('credentials-exchange')
    expect(r.error).toEqual({ error: 'invalid_client' })
    expect(refresh).not.toHaveBeenCalled()
    expect(onUnauthenticated).not.toHaveBeenCalled()
    expect(server.seen.length - before).toBe(1)
  })

  it('replays a POST body byte-identical with the new token', async () => {
    acceptOnly(() => 'fresh')
    const { source, refresh } = slowSource('fresh')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: source } })
    const before = server.seen.length
    const r = await api.createArticle({ body: article })
    expect(r.status).toBe(201)
    expect(refresh).toHaveBeenCalledTimes(1)
    const [first, replay] = server.seen.slice(before)
    expect(bearer(first!)).toBe('expired')
    expect(bearer(replay!)).toBe('fresh')
    expect(replay!.body.equals(first!.body)).toBe(true)
    expect(JSON.parse(replay!.body.toString())).toEqual(article)
    expect(replay!.headers['content-type']).toBe(first!.headers['content-type'])
  })

  it('replays a FormData body byte-identical (same multipart boundary)', async () => {
    acceptOnly(() => 'fresh')
    const { source } = slowSource('fresh')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: source } })
    const form = new FormData()
    form.append('title', 'T')
    form.append('file', new Blob(['bytes']), 'f.txt')
    const before = server.seen.length
    // A caller may hand any BodyInit; the spec's JSON type does not stop a FormData at runtime.
    await api.createArticle({ body: form as never })
    const [first, replay] = server.seen.slice(before)
    expect(replay!.body.equals(first!.body)).toBe(true)
    expect(replay!.headers['content-type']).toBe(first!.headers['content-type'])
    expect(first!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('does not replay a stream body, and says so', async () => {
    acceptOnly(() => 'fresh')
    const { source, refresh } = slowSource('fresh')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: source } })
    const stream = new Blob([JSON.stringify(article)]).stream()
    const r = await api.createArticle({ body: stream as never, headers: { 'content-type': 'application/json' } })
    expect(r).toMatchObject({ status: 401, reauthenticated: false, reauthSkipped: 'body-not-replayable' })
    expect(refresh).not.toHaveBeenCalled()
  })

  it('stale-token check: a 401 for an older token is replayed with the current one, without refreshing', async () => {
    let current = 'old'
    acceptOnly(() => current)
    const refresh = vi.fn(async () => 'unused')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => current, refresh } } })
    // The server rotates while the request is in flight: it was sent with `old`, rejected after `current` moved on.
    server.route = (req, res) => {
      current = 'newer'
      if (bearer(req) !== 'newer') return json(res, 401, {}, { 'www-authenticate': 'Bearer error="invalid_token"' })
      json(res, 200, { id: 'a', ...article })
    }
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r.status).toBe(200)
    expect(refresh).not.toHaveBeenCalled()
    expect(server.seen.slice(-2).map(bearer)).toEqual(['old', 'newer'])
  })

  it('a source whose getToken keeps returning the old token still sends the refreshed one afterwards', async () => {
    acceptOnly(() => 'fresh')
    const refresh = vi.fn(async () => 'fresh')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'expired', refresh } } })
    expect((await api.getArticle({ params: { path: { id: 'a' } } })).status).toBe(200)
    const before = server.seen.length
    expect((await api.getArticle({ params: { path: { id: 'b' } } })).status).toBe(200)
    expect(server.seen.slice(before).map(bearer)).toEqual(['fresh'])
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('a 401 without a matching challenge (e.g. Basic only) does not refresh a bearer token', async () => {
    server.route = (_req, res) => json(res, 401, {}, { 'www-authenticate': 'Basic realm="other"' })
    const refresh = vi.fn(async () => 'new')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'old', refresh } } })
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r).toMatchObject({ status: 401, reauthSkipped: 'not-renewable' })
    expect(refresh).not.toHaveBeenCalled()
  })

  it('DPoP: use_dpop_nonce is retried once with the server nonce when a signer is given', async () => {
    const proofs: { nonce?: string }[] = []
    server.route = (req, res) => {
      if (req.headers.dpop !== 'proof-n1') return json(res, 401, {}, { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'n1' })
      json(res, 200, { id: 'a', ...article })
    }
    const api = createClient({
      baseUrl: server.url,
      auth: { oauth2: 'tok' },
      dpop: { proof: (input) => (proofs.push(input), `proof-${input.nonce ?? 'none'}`) },
    })
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r.status).toBe(200)
    expect(proofs.map((p) => p.nonce)).toEqual([undefined, 'n1'])
    expect(server.seen.at(-1)!.headers.authorization).toBe('DPoP tok')
    expect(proofs[0]).toMatchObject({ method: 'GET', url: `${server.url}/articles/a`, accessToken: 'tok' })
  })
})
