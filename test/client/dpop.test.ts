// DPoP (RFC 9449) with a caller's signer: proofs per attempt, the use_dpop_nonce retry (once), and what
// happens when the signer throws. The DPoP code is a chunk of its own (auth/dpop.ts); these run it for real.
import { RequestError } from '@gatehouse/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

type ProofInput = { method: string; url: string; accessToken: string; nonce?: string }

const nonceChallenge = { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'n1' }

describe('DPoP', () => {
  it('sends DPoP <token> and a proof of the URL without its query; no Bearer header', async () => {
    server.route = (_req, res) => json(res, 200, { items: [] })
    const proofs: ProofInput[] = []
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 'tok' }, dpop: { proof: (input) => (proofs.push(input), 'p1') } })
    const r = await api.listArticles({ params: { query: { q: 'a b' } as never } })
    expect(r.status).toBe(200)
    expect(server.seen.at(-1)!.headers).toMatchObject({ authorization: 'DPoP tok', dpop: 'p1' })
    expect(proofs).toEqual([{ method: 'GET', url: `${server.url}/articles`, accessToken: 'tok' }])
  })

  it('retries use_dpop_nonce once: a second nonce challenge is the result', async () => {
    server.route = (_req, res) => json(res, 401, {}, nonceChallenge)
    const proofs: ProofInput[] = []
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 'tok' }, dpop: { proof: (input) => (proofs.push(input), 'p') } })
    const before = server.seen.length
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r.status).toBe(401)
    expect(server.seen.length - before).toBe(2)
    expect(proofs.map((p) => p.nonce)).toEqual([undefined, 'n1'])
    // The nonce is the client's: the next call starts with it.
    await api.getArticle({ params: { path: { id: 'a' } } })
    expect(proofs.at(-2)!.nonce).toBe('n1')
  })

  it('without a signer, use_dpop_nonce is not retried and the token goes as Bearer', async () => {
    server.route = (_req, res) => json(res, 401, {}, nonceChallenge)
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 'tok' } })
    const before = server.seen.length
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r.status).toBe(401)
    expect(server.seen.length - before).toBe(1)
    expect(server.seen.at(-1)!.headers.authorization).toBe('Bearer tok')
    expect(server.seen.at(-1)!.headers.dpop).toBeUndefined()
  })

  it('no token, no proof: an operation sent anonymously carries neither header', async () => {
    server.route = (_req, res) => json(res, 200, { items: [] })
    let calls = 0
    const api = createClient({ baseUrl: server.url, dpop: { proof: () => (calls++, 'p') } })
    await api.listArticles()
    expect(calls).toBe(0)
    expect(server.seen.at(-1)!.headers.authorization).toBeUndefined()
    expect(server.seen.at(-1)!.headers.dpop).toBeUndefined()
  })

  it('a signer that throws rejects the call with RequestError credentials, its error as cause; nothing is sent', async () => {
    server.route = (_req, res) => json(res, 200, {})
    const failure = new Error('key unavailable')
    const api = createClient({ baseUrl: server.url, auth: { oauth2: 'tok' }, dpop: { proof: () => Promise.reject(failure) } })
    const before = server.seen.length
    const e = await api.getArticle({ params: { path: { id: 'a' } } }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(RequestError)
    expect(e).toMatchObject({ code: 'credentials', operation: 'getArticle', cause: failure })
    expect(server.seen.length).toBe(before)
  })

  it('after a refresh the replay carries a proof of the new token', async () => {
    server.route = (req, res) =>
      req.headers.authorization === 'DPoP fresh' ? json(res, 200, { id: 'a', title: 'T', body: 'B', status: 'draft' }) : json(res, 401, {}, { 'www-authenticate': 'DPoP error="invalid_token"' })
    const proofs: ProofInput[] = []
    const api = createClient({
      baseUrl: server.url,
      auth: { oauth2: { getToken: () => 'old', refresh: async () => 'fresh' } },
      dpop: { proof: (input) => (proofs.push(input), 'p') },
    })
    const r = await api.getArticle({ params: { path: { id: 'a' } } })
    expect(r.status).toBe(200)
    expect(proofs.map((p) => p.accessToken)).toEqual(['old', 'fresh'])
  })
})
