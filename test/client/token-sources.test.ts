// refreshTokenGrant and clientCredentials against a loopback token endpoint (RFC 6749 §4.4, §6).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { clientCredentials, crossTab, refreshTokenGrant, staticToken } from '@gatehouse/client'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
let issued = 0
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

/** A token endpoint that rotates refresh tokens and refuses a used one (as oidc-provider does). */
function rotatingEndpoint(expiresIn = 3600) {
  const valid = new Set(['rt-0'])
  server.route = (req, res) => {
    const form = new URLSearchParams(req.body.toString())
    if (req.url !== '/token' || req.headers.authorization !== 'Basic ' + btoa('app:secret')) return json(res, 401, { error: 'invalid_client' })
    if (form.get('grant_type') === 'client_credentials') return json(res, 200, { access_token: `cc-${++issued}`, token_type: 'Bearer', expires_in: expiresIn, ...(form.has('scope') && { scope: form.get('scope') }) })
    const rt = form.get('refresh_token')!
    if (!valid.delete(rt)) return json(res, 400, { error: 'invalid_grant' })
    const next = `rt-${++issued}`
    valid.add(next)
    json(res, 200, { access_token: `at-${issued}`, token_type: 'Bearer', expires_in: expiresIn, refresh_token: next })
  }
}

describe('token sources', () => {
  it('staticToken returns its token and has no refresh', async () => {
    const s = staticToken('x')
    expect(await s.getToken()).toBe('x')
    expect(s.refresh).toBeUndefined()
  })

  it('refreshTokenGrant keeps the rotated refresh token: two refreshes in a row both succeed', async () => {
    rotatingEndpoint()
    const onTokens = vi.fn()
    const source = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', refreshToken: 'rt-0', accessToken: 'at-old', onTokens })
    expect(await source.getToken()).toBe('at-old')
    const first = await source.refresh!({ rejected: 'at-old', challenges: [] })
    const second = await source.refresh!({ rejected: first, challenges: [] })
    expect(first).toMatch(/^at-/)
    expect(second).not.toBe(first)
    expect(await source.getToken()).toBe(second)
    expect(onTokens).toHaveBeenCalledTimes(2)
    const sent = server.seen.slice(-2).map((s) => new URLSearchParams(s.body.toString()).get('refresh_token'))
    expect(sent[0]).toBe('rt-0')
    expect(sent[1]).toBe(onTokens.mock.calls[0]![0].refresh_token)
  })

  it('refreshTokenGrant fetches a token on first use and shares one request among concurrent callers', async () => {
    rotatingEndpoint()
    const before = server.seen.length
    const source = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', refreshToken: 'rt-0' })
    const tokens = await Promise.all([source.getToken(), source.getToken(), source.getToken()])
    expect(new Set(tokens).size).toBe(1)
    expect(server.seen.length - before).toBe(1)
  })

  it('a refused refresh token makes refresh() and getToken() reject with the endpoint\'s error (the client reports it with the call)', async () => {
    rotatingEndpoint()
    const source = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', refreshToken: 'stolen' })
    await expect(source.refresh!({ rejected: undefined, challenges: [] })).rejects.toMatchObject({ error: 'invalid_grant', status: 400 })
    await expect(source.getToken()).rejects.toMatchObject({ error: 'invalid_grant', status: 400 })
  })

  it('clientCredentials sends the scopes, caches until expiry, renews after', async () => {
    rotatingEndpoint(1)
    const before = server.seen.length
    const source = clientCredentials({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', scopes: ['a:read', 'b:write'] })
    const t1 = await source.getToken()
    expect(await source.getToken()).toBe(t1)
    expect(new URLSearchParams(server.seen.at(-1)!.body.toString()).get('scope')).toBe('a:read b:write')
    await new Promise((r) => setTimeout(r, 1000))
    expect(await source.getToken()).not.toBe(t1)
    expect(server.seen.length - before).toBe(2)
  })

  it('uses an injected fetch, and refuses plain http to a non-loopback host', async () => {
    rotatingEndpoint()
    const fetchSpy = vi.fn((url: string, init: RequestInit) => fetch(url, init))
    const source = clientCredentials({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', fetch: fetchSpy })
    expect(await source.getToken()).toMatch(/^cc-/)
    expect(fetchSpy).toHaveBeenCalledOnce()
    const remote = clientCredentials({ tokenEndpoint: 'http://auth.example/token', clientId: 'app', clientSecret: 'secret', fetch: fetchSpy })
    await expect(remote.refresh!({ rejected: undefined, challenges: [] })).rejects.toThrow()
    expect(fetchSpy).toHaveBeenCalledOnce()
  })
})

describe('refresh token storage and crossTab outside a browser', () => {
  it('storage: the refresh token is read before each refresh and written after each rotation', async () => {
    rotatingEndpoint()
    const kept = new Map<string, string>()
    const storage = { getItem: (k: string) => kept.get(k), setItem: (k: string, v: string) => void kept.set(k, v) }
    const first = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', refreshToken: 'rt-0', storage })
    expect(kept.get('gatehouse:app:refresh_token')).toBe('rt-0')
    await first.refresh!({ rejected: undefined, challenges: [] })
    const rotated = kept.get('gatehouse:app:refresh_token')
    expect(rotated).toMatch(/^rt-[1-9]/)
    // A second page load: no refresh token given, the stored (rotated) one is used.
    const second = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', storage })
    expect(await second.getToken()).toMatch(/^at-/)
    expect(new URLSearchParams(server.seen.at(-1)!.body.toString()).get('refresh_token')).toBe(rotated)
    // The first source's in-memory token is the used one; storage gives it the newest, so it does not replay a used token.
    expect(await first.refresh!({ rejected: undefined, challenges: [] })).toMatch(/^at-/)
  })

  it('storage without any refresh token: the renewal fails with a message naming the key', async () => {
    const source = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', storage: { getItem: () => null, setItem: () => {} } })
    await expect(source.refresh!({ rejected: undefined, challenges: [] })).rejects.toThrow(/no refresh token .*gatehouse:app:refresh_token/)
  })

  it('crossTab is a no-op where Web Locks are missing (Node): the same source, and crossTab: true still refreshes', async () => {
    expect((globalThis.navigator as { locks?: unknown } | undefined)?.locks).toBeUndefined()
    const plain = { getToken: () => 't', refresh: async () => 'u' }
    expect(crossTab(plain, { name: 'x' })).toBe(plain)
    rotatingEndpoint()
    const source = refreshTokenGrant({ tokenEndpoint: `${server.url}/token`, clientId: 'app', clientSecret: 'secret', refreshToken: 'rt-0', crossTab: true })
    expect(await source.getToken()).toMatch(/^at-/)
    expect(await source.refresh!({ rejected: undefined, challenges: [] })).toMatch(/^at-/)
  })
})
