// A generated token endpoint (x-credentials-exchange) used by real OAuth clients: our own
// clientCredentials and refreshTokenGrant (oauth4webapi), with secrets holding every unreserved and
// sub-delim character, over node:http, Express and Hono; the same clients against oidc-provider;
// and the RFC 6749 §5.2 answers to failed client authentication and malformed requests.
import { clientCredentials, refreshTokenGrant } from '@gatehouse/client'
import { encodeBasicCredentials, parseChallenges } from '@gatehouse/http-auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../generated/uploads/client.js'
import { awkwardSecret, uploadsApp } from '../fixtures/server/uploads-app.js'
import { entryPoints, headerOf, rawRequest, type RawResponse, type Running } from '../server/wire.js'
import { startOAuthServer, type OAuthServer } from './support/oauth-server.js'

const awkwardClient = "client:-._~!$&'()*+,;="
// RFC 6749 §2.3.1 / Appendix B: each of id and secret form-urlencoded, then Basic.
const formEncode = (s: string) => new URLSearchParams({ v: s }).toString().slice(2)
const clientBasic = (id: string, secret: string) => `Basic ${encodeBasicCredentials(formEncode(id), formEncode(secret))}`

const FORM = 'Content-Type: application/x-www-form-urlencoded'

function expectOAuthError(res: RawResponse, status: number, error: string) {
  expect(res.status).toBe(status)
  expect(JSON.parse(res.body)).toEqual({ error })
  expect(headerOf(res, 'content-type')).toBe('application/json')
  expect(headerOf(res, 'cache-control')).toBe('no-store')
}

for (const [name, start] of Object.entries(entryPoints)) {
  describe(`the generated token endpoint over ${name}`, () => {
    let server: Running
    let fixture: ReturnType<typeof uploadsApp>
    beforeAll(async () => {
      fixture = uploadsApp()
      server = await start(fixture.app)
    })
    afterAll(() => server.close())
    const tokenRequest = (headers: string[], body: string) => rawRequest(server.port, ['POST /token HTTP/1.1', 'Host: api.test', ...headers], body)

    it.each(['basic', 'post'] as const)('clientCredentials (client auth %s) gets a token for an awkward id and secret, which then calls the API', async (clientAuth) => {
      fixture.seen.length = 0
      const api = createClient({
        baseUrl: server.url,
        auth: { bearerAuth: clientCredentials({ tokenEndpoint: `${server.url}/token`, clientId: awkwardClient, clientSecret: awkwardSecret, clientAuth }) },
      })
      const r = await api.getDocs()
      expect(r.status).toBe(200)
      expect(fixture.seen[0]).toEqual({ scheme: 'clientBasic', credential: `${awkwardClient}:${awkwardSecret}` })
      expect(fixture.seen[1]).toEqual({ scheme: 'bearerAuth', credential: expect.stringMatching(/^issued-\d+$/) })
    })

    it('refreshTokenGrant authenticates the same way and keeps the rotated refresh token', async () => {
      const rotated: (string | undefined)[] = []
      const source = refreshTokenGrant({
        tokenEndpoint: `${server.url}/token`,
        clientId: awkwardClient,
        clientSecret: awkwardSecret,
        refreshToken: `refresh-for-${awkwardClient}`,
        onTokens: (t) => void rotated.push(t.refresh_token),
      })
      const api = createClient({ baseUrl: server.url, auth: { bearerAuth: source } })
      expect((await api.getDocs()).status).toBe(200)
      expect(rotated).toEqual([`refresh-for-${awkwardClient}`])
    })

    it.each(['basic', 'post'] as const)('a token source the endpoint refuses (client auth %s): the call says so, with the endpoint\'s error', async (clientAuth) => {
      fixture.seen.length = 0
      const source = clientCredentials({ tokenEndpoint: `${server.url}/token`, clientId: awkwardClient, clientSecret: 'wrong', clientAuth })
      const r = await createClient({ baseUrl: server.url, auth: { bearerAuth: source } }).getDocs()
      if (r.status !== 401) throw new Error(`expected 401, got ${r.status}`)
      expect(r.reauthSkipped).toBe('refresh-failed')
      expect(r.reauthError).toMatchObject({ error: 'invalid_client', status: 401 })
      // The API itself never saw a token: no bearer verifier ran.
      expect(fixture.seen.filter((s) => s.scheme === 'bearerAuth')).toEqual([])
    })

    it('a wrong secret is 401 invalid_client with a Basic challenge that carries no error code', async () => {
      const res = await tokenRequest([`Authorization: ${clientBasic(awkwardClient, 'wrong')}`, FORM], 'grant_type=client_credentials')
      expectOAuthError(res, 401, 'invalid_client')
      const challenges = res.headers.filter(([n]) => n === 'www-authenticate').flatMap(([, v]) => parseChallenges(v))
      expect(challenges).toEqual([{ scheme: 'basic', params: { realm: 'uploads', charset: 'UTF-8' } }])
    })

    it('no client authentication at all is 401 invalid_client', async () => {
      const res = await tokenRequest([FORM], 'grant_type=client_credentials')
      expectOAuthError(res, 401, 'invalid_client')
      expect(headerOf(res, 'www-authenticate')).toBe('Basic realm="uploads", charset="UTF-8"')
    })

    it('the secret is not form-decoded twice: a Basic secret sent without form-encoding fails', async () => {
      // "a%2Bb" would be the encoding of "a+b"; sent raw, the secret "a+b" decodes to "a b".
      fixture.seen.length = 0
      const res = await tokenRequest([`Authorization: Basic ${encodeBasicCredentials('svc-1', 'plain+secret')}`, FORM], 'grant_type=client_credentials')
      expectOAuthError(res, 401, 'invalid_client')
      expect(fixture.seen).toEqual([{ scheme: 'clientBasic', credential: 'svc-1:plain secret' }])
    })

    it.each([
      ['a missing grant_type', [`Authorization: ${clientBasic('svc-1', 'plain-secret')}`, FORM], 'scope=x'],
      ['an unknown grant_type', [`Authorization: ${clientBasic('svc-1', 'plain-secret')}`, FORM], 'grant_type=password'],
      ['Basic and client_secret together (RFC 6749 §2.3)', [`Authorization: ${clientBasic('svc-1', 'plain-secret')}`, FORM], 'grant_type=client_credentials&client_secret=plain-secret'],
      ['client_secret twice', [FORM], 'grant_type=client_credentials&client_id=svc-1&client_secret=plain-secret&client_secret=plain-secret'],
      ['client_secret without client_id', [FORM], 'grant_type=client_credentials&client_secret=plain-secret'],
      ['a Basic user that is not form-urlencoding (%zz)', [`Authorization: Basic ${encodeBasicCredentials('svc%zz', 'x')}`, FORM], 'grant_type=client_credentials'],
      ['client_id naming another client than Basic', [`Authorization: ${clientBasic('svc-1', 'plain-secret')}`, FORM], 'grant_type=client_credentials&client_id=other'],
      ['two Authorization lines', [`Authorization: ${clientBasic('svc-1', 'plain-secret')}`, `Authorization: ${clientBasic('svc-1', 'plain-secret')}`, FORM], 'grant_type=client_credentials'],
    ])('%s is 400 invalid_request', async (_, headers, body) => {
      expectOAuthError(await tokenRequest(headers, body), 400, 'invalid_request')
    })

    it('client_id and client_secret in the body authenticate the client (RFC 6749 §2.3.1)', async () => {
      const res = await tokenRequest([FORM], `grant_type=client_credentials&${new URLSearchParams({ client_id: awkwardClient, client_secret: awkwardSecret })}`)
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ token_type: 'Bearer' })
      expect(headerOf(res, 'cache-control')).toBe('no-store')
    })

    it('an unsupported media type keeps 415 but answers with the OAuth error body', async () => {
      const res = await tokenRequest([`Authorization: ${clientBasic('svc-1', 'plain-secret')}`, 'Content-Type: application/json'], '{"grant_type":"client_credentials"}')
      expectOAuthError(res, 415, 'invalid_request')
    })
  })
}

describe('our token sources against oidc-provider, with an awkward secret', () => {
  let as: OAuthServer
  const client = { clientId: 'svc-awkward', clientSecret: awkwardSecret }
  beforeAll(async () => {
    as = await startOAuthServer({ audience: 'https://api.test', scopes: ['docs:read'], serviceClients: [client] })
  })
  afterAll(() => as.close())

  it.each(['basic', 'post'] as const)('clientCredentials (client auth %s) gets a token', async (clientAuth) => {
    const source = clientCredentials({ tokenEndpoint: as.tokenEndpoint, ...client, clientAuth, scopes: ['docs:read'] })
    expect(await source.getToken()).toMatch(/^ey/)
    expect(as.tokenRequests.at(-1)).toEqual({ grantType: 'client_credentials', status: 200 })
  })

  it('a refused secret reaches the call result as reauthError (invalid_client from oidc-provider)', async () => {
    const api = await entryPoints['node:http']!(uploadsApp().app)
    try {
      const source = clientCredentials({ tokenEndpoint: as.tokenEndpoint, clientId: client.clientId, clientSecret: `${awkwardSecret}x` })
      const r = await createClient({ baseUrl: api.url, auth: { bearerAuth: source } }).getDocs()
      if (r.status !== 401) throw new Error(`expected 401, got ${r.status}`)
      expect(r.reauthSkipped).toBe('refresh-failed')
      expect(r.reauthError).toMatchObject({ error: 'invalid_client', status: 401 })
    } finally {
      await api.close()
    }
  })
})
