// The generated server and client against a real OAuth 2.0 authorization server
// (oidc-provider): JWT access tokens (RFC 9068) verified with jose against the
// provider's JWKS, refresh tokens rotated on every use, client credentials.
import { RequestError, clientCredentials, refreshTokenGrant } from '@gatehouse/client'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { startArticlesApi, type RunningApi } from './support/articles-app.js'
import { accessTokenVerifier, startOAuthServer, type OAuthServer } from './support/oauth-server.js'

const audience = 'urn:example:articles-api'
const scopes = ['articles:read', 'articles:write', 'articles:admin']

let as: OAuthServer
let api: RunningApi

beforeAll(async () => {
  as = await startOAuthServer({ audience, scopes, accessTokenTtl: 1 })
  const verify = accessTokenVerifier(as, audience)
  api = await startArticlesApi({ oauth2: verify, bearerAuth: verify })
})

afterAll(async () => {
  await api?.close()
  await as?.close()
})

/** Waits until a JWT's `exp` is in the past, so the API must reject it. */
async function expire(token: string): Promise<void> {
  const { exp } = decodeJwt(token)
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp! * 1000 - Date.now() + 50)))
}

/** A refresh grant done by hand, as an app that signed Mary in a while ago would have done. */
async function signedInAsMary(): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await fetch(as.tokenEndpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${as.app.clientId}:${as.app.clientSecret}`)}` },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: await as.issueRefreshToken('mary', ['articles:read', 'articles:write']) }),
  })
  expect(response.status).toBe(200)
  const tokens = (await response.json()) as { access_token: string; refresh_token: string }
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token }
}

describe('generated server and client against oidc-provider', () => {
  it('refreshes through the authorization server after 401 invalid_token, and the call succeeds', async () => {
    const { accessToken, refreshToken } = await signedInAsMary()
    // The refreshed token outlives the retry, however slow the machine; the one above expires in 1 s.
    as.accessTokenTtl = 60
    onTestFinished(() => void (as.accessTokenTtl = 1))
    await expire(accessToken)
    const exchanges: string[] = []
    const rotated: string[] = []
    const oauth2 = refreshTokenGrant({
      tokenEndpoint: as.tokenEndpoint,
      clientId: as.app.clientId,
      clientSecret: as.app.clientSecret,
      refreshToken,
      accessToken,
      onTokens: (tokens) => void rotated.push(tokens.refresh_token ?? ''),
    })
    const client = createClient({
      baseUrl: api.baseUrl,
      auth: { oauth2 },
      fetch: async (url, init) => {
        const response = await fetch(url, init)
        exchanges.push(`${new URL(url).pathname} ${response.status} ${response.headers.get('www-authenticate') ?? ''}`.trim())
        return response
      },
    })

    const r = await client.createArticle({ body: { title: 'Refreshed', body: 'via oidc-provider', status: 'draft' } })

    expect(r.status).toBe(201)
    if (r.status !== 201) return
    expect(r.data.owner).toBe('mary')
    expect(exchanges).toEqual(['/articles 401 Bearer realm="example", error="invalid_token"', '/articles 201'])
    // One refresh at the provider, which rotated the refresh token (RFC 9700 §4.14.2)...
    expect(rotated).toHaveLength(1)
    expect(rotated[0]).not.toBe(refreshToken)
    // ...so the old one is now refused, as a stolen copy would be.
    const replay = await fetch(as.tokenEndpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${as.app.clientId}:${as.app.clientSecret}`)}` },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    })
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('clientCredentials: the provider’s token opens what its scopes allow and gets 403 with the missing scope elsewhere', async () => {
    const oauth2 = clientCredentials({
      tokenEndpoint: as.tokenEndpoint,
      clientId: as.service.clientId,
      clientSecret: as.service.clientSecret,
      scopes: ['articles:read'],
    })
    const client = createClient({ baseUrl: api.baseUrl, auth: { oauth2 } })

    const read = await client.getArticle({ params: { path: { id: 'hello' } } })
    expect(read.status).toBe(200)
    if (read.ok) expect(read.data.title).toBe('Hello')

    const write = await client.createArticle({ body: { title: 'Nope', body: 'read-only service', status: 'draft' } })
    expect(write.status).toBe(403)
    if (write.status === 403) expect(write.requiredScopes).toEqual(['articles:write'])
    expect(as.tokenRequests.filter((t) => t.grantType === 'client_credentials')).toEqual([{ grantType: 'client_credentials', status: 200 }])
  })

  it('rejects a token whose signature does not verify against the JWKS with 401 invalid_token', async () => {
    const { accessToken } = await signedInAsMary()
    const [header, payload, signature] = accessToken.split('.')
    const forged = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`
    const client = createClient({ baseUrl: api.baseUrl, auth: { oauth2: forged } })

    const r = await client.createArticle({ body: { title: 'Forged', body: 'x', status: 'draft' } })

    expect(r.status).toBe(401)
    if (r.status === 401) {
      expect(r.bearer).toMatchObject({ error: 'invalid_token' })
      expect(r.challenges[0]?.params.realm).toBe('example')
    }
  })
})

describe('a token source the provider refuses (wrong client secret) is never silent', () => {
  /** A client whose clientCredentials secret is wrong, recording what reached the API. */
  function refusedClient() {
    const sent: (string | null)[] = []
    const onUnauthenticated = vi.fn()
    const oauth2 = clientCredentials({ tokenEndpoint: as.tokenEndpoint, clientId: as.service.clientId, clientSecret: `${as.service.clientSecret}-wrong`, scopes: ['articles:read'] })
    const client = createClient({
      baseUrl: api.baseUrl,
      auth: { oauth2 },
      onUnauthenticated,
      fetch: (url, init) => {
        sent.push(new Headers(init?.headers).get('authorization'))
        return fetch(url, init)
      },
    })
    return { client, sent, onUnauthenticated }
  }
  const refusals = () => as.tokenRequests.filter((t) => t.grantType === 'client_credentials' && t.status !== 200).length

  it('an operation that requires the token: the API\'s 401 carries refresh-failed and invalid_client, after one token request', async () => {
    const { client, sent, onUnauthenticated } = refusedClient()
    const before = refusals()
    const r = await client.getArticle({ params: { path: { id: 'hello' } } })
    if (r.status !== 401) throw new Error(`expected 401, got ${r.status}`)
    expect(r.reauthSkipped).toBe('refresh-failed')
    expect(r.reauthError).toMatchObject({ error: 'invalid_client', status: 401 })
    expect(onUnauthenticated).toHaveBeenCalledWith(r, 'getArticle')
    expect(sent).toEqual([null])
    expect(refusals() - before).toBe(1)
  })

  it('an operation that also allows anonymous calls: rejects with the provider\'s error instead of an anonymous success', async () => {
    const { client, sent } = refusedClient()
    const before = refusals()
    const e = await client.listArticles().catch((e: unknown) => e)
    expect(e).toBeInstanceOf(RequestError)
    expect(e).toMatchObject({ code: 'credentials', operation: 'listArticles', cause: { error: 'invalid_client', status: 401 } })
    expect(sent).toEqual([])
    expect(refusals() - before).toBe(1)
  })
})
