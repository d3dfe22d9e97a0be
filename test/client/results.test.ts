// Every member of the result union, from real HTTP responses on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ChallengeParseError } from '@gatehouse/http-auth'
import { RequestError, staticToken } from '@gatehouse/client'
import { createClient } from '../generated/articles/client.js'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const article = { title: 'Hello', body: 'World', status: 'draft' as const }
const api = (onUnauthenticated = vi.fn()) =>
  createClient({ baseUrl: server.url + '/', auth: { oauth2: staticToken('t1') }, retry: false, onUnauthenticated })

describe('success', () => {
  it('201 with the created body, the literal status and the response', async () => {
    server.route = (req, res) => json(res, 201, { ...JSON.parse(req.body.toString()), id: 'a1' }, { location: '/articles/a1' })
    const r = await api().createArticle({ body: article })
    expect(r.ok).toBe(true)
    if (r.status !== 201) throw new Error(`unexpected ${r.status}`)
    expect(r.data).toEqual({ ...article, id: 'a1' })
    expect(r.response.headers.get('location')).toBe('/articles/a1')
    const sent = server.seen.at(-1)!
    expect(sent.method).toBe('POST')
    expect(sent.url).toBe('/articles')
    expect(sent.headers.authorization).toBe('Bearer t1')
    expect(sent.headers['content-type']).toBe('application/json')
  })

  it('204 has no data', async () => {
    server.route = (_req, res) => res.writeHead(204).end()
    const r = await api().deleteArticle({ params: { path: { id: 'a b/c' } } })
    expect(r).toMatchObject({ ok: true, status: 204, data: undefined })
    expect(server.seen.at(-1)!.url).toBe('/articles/a%20b%2Fc')
  })

  it('serializes query parameters as the spec says (arrays exploded, skipped when undefined)', async () => {
    server.route = (_req, res) => json(res, 200, { items: [] })
    const r = await api().listArticles({ params: { query: { limit: 5, tag: ['a&b', 'c'], status: undefined } } })
    expect(r.ok && r.data).toEqual({ items: [] })
    expect(server.seen.at(-1)!.url).toBe('/articles?limit=5&tag=a%26b&tag=c')
  })

  it('form-encodes a body whose first media type is application/x-www-form-urlencoded', async () => {
    server.route = (_req, res) => json(res, 200, { access_token: 'x', token_type: 'bearer' })
    const r = await api().authorize({ body: { grant_type: 'password', username: 'janet', password: 'p w' } })
    expect(r.status).toBe(200)
    const sent = server.seen.at(-1)!
    expect(sent.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(sent.body.toString()).toBe('grant_type=password&username=janet&password=p+w')
    // security: [] — a public operation carries no credentials even when the client has some.
    expect(sent.headers.authorization).toBeUndefined()
  })
})

describe('400', () => {
  it('RFC 7807 invalid-params become invalidParams', async () => {
    server.route = (_req, res) => json(res, 400, { title: 'Bad Request', status: 400, 'invalid-params': [{ name: 'title', reason: 'must not be empty' }] })
    const r = await api().createArticle({ body: article })
    if (r.status !== 400) throw new Error(`unexpected ${r.status}`)
    expect(r.invalidParams).toEqual([{ name: 'title', reason: 'must not be empty' }])
    expect(r.problem?.title).toBe('Bad Request')
  })

  it('RFC 9457 errors carry their pointer', async () => {
    server.route = (_req, res) => json(res, 400, { title: 'Bad Request', errors: [{ detail: 'too long', pointer: '#/title' }] })
    const r = await api().createArticle({ body: article })
    if (r.status !== 400) throw new Error(`unexpected ${r.status}`)
    expect(r.invalidParams).toHaveLength(1)
    expect(r.invalidParams[0]).toMatchObject({ reason: 'too long', pointer: '#/title' })
  })

  it('an OAuth error body (not a problem) is the typed error with no invalid params', async () => {
    server.route = (_req, res) => json(res, 400, { error: 'invalid_grant' })
    const r = await api().authorize({ body: { grant_type: 'password' } })
    if (r.status !== 400) throw new Error(`unexpected ${r.status}`)
    expect(r.error).toEqual({ error: 'invalid_grant' })
    expect(r.invalidParams).toEqual([])
    expect(r.problem).toBeUndefined()
  })
})

describe('401', () => {
  it('parses the challenges and the Bearer error; without refresh, returns it and calls onUnauthenticated', async () => {
    server.route = (_req, res) =>
      json(res, 401, { title: 'Unauthorized' }, { 'www-authenticate': 'Bearer realm="example", error="invalid_token", error_description="expired"' })
    const onUnauthenticated = vi.fn()
    const r = await api(onUnauthenticated).getArticle({ params: { path: { id: 'a1' } } })
    if (r.status !== 401) throw new Error(`unexpected ${r.status}`)
    expect(r.challenges).toEqual([{ scheme: 'bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'expired' } }])
    expect(r.bearer).toEqual({ error: 'invalid_token', errorDescription: 'expired', scope: [] })
    expect(r.stepUp).toBeUndefined()
    expect(r.reauthenticated).toBe(false)
    expect(r.reauthSkipped).toBe('not-renewable')
    expect(r.challengeError).toBeUndefined()
    expect(onUnauthenticated).toHaveBeenCalledExactlyOnceWith(r, 'getArticle')
  })

  it('a malformed WWW-Authenticate gives [] and challengeError', async () => {
    server.route = (_req, res) => json(res, 401, { title: 'Unauthorized' }, { 'www-authenticate': 'Bearer realm="unterminated' })
    const r = await api().getArticle({ params: { path: { id: 'a1' } } })
    if (r.status !== 401) throw new Error(`unexpected ${r.status}`)
    expect(r.challenges).toEqual([])
    expect(r.challengeError).toBeInstanceOf(ChallengeParseError)
    expect(r.bearer).toBeUndefined()
  })

  it('step-up (RFC 9470) is returned with acrValues and maxAge, not retried', async () => {
    server.route = (_req, res) =>
      json(res, 401, {}, { 'www-authenticate': 'Bearer error="insufficient_user_authentication", acr_values="mfa phr", max_age=300' })
    const refresh = vi.fn(async () => 'new')
    const client = createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => 'old', refresh } } })
    const before = server.seen.length
    const r = await client.getArticle({ params: { path: { id: 'a1' } } })
    if (r.status !== 401) throw new Error(`unexpected ${r.status}`)
    expect(r.stepUp).toEqual({ acrValues: ['mfa', 'phr'], maxAge: 300 })
    expect(refresh).not.toHaveBeenCalled()
    expect(server.seen.length - before).toBe(1)
  })
})

describe('403', () => {
  const forbid = (headers: Record<string, string>, body: object) => (server.route = (_req, res) => json(res, 403, body, headers))

  it('requiredScopes from the challenge scope first', async () => {
    forbid({ 'www-authenticate': 'Bearer error="insufficient_scope", scope="articles:write articles:admin"' }, { 'required-scopes': ['x'] })
    const r = await api().createArticle({ body: article })
    if (r.status !== 403) throw new Error(`unexpected ${r.status}`)
    expect(r.requiredScopes).toEqual(['articles:write', 'articles:admin'])
  })

  it('then the problem body required-scopes', async () => {
    forbid({ 'www-authenticate': 'Bearer error="insufficient_scope"' }, { title: 'Forbidden', 'required-scopes': ['articles:write'] })
    const r = await api().createArticle({ body: article })
    if (r.status !== 403) throw new Error(`unexpected ${r.status}`)
    expect(r.requiredScopes).toEqual(['articles:write'])
    expect(r.problem?.title).toBe('Forbidden')
  })

  it('then the scopes the spec lists for the operation', async () => {
    forbid({}, { title: 'Forbidden' })
    const r = await api().deleteArticle({ params: { path: { id: 'a1' } } })
    if (r.status !== 403) throw new Error(`unexpected ${r.status}`)
    expect(r.requiredScopes).toEqual(['articles:admin'])
  })
})

describe('other statuses', () => {
  it('a declared 404 carries the typed error and its problem', async () => {
    server.route = (_req, res) => json(res, 404, { type: 'about:blank', title: 'Not Found', status: 404 })
    const r = await api().getArticle({ params: { path: { id: 'nope' } } })
    if (r.status !== 404) throw new Error(`unexpected ${r.status}`)
    expect(r.error).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 })
    expect(r.problem).toMatchObject({ title: 'Not Found', status: 404 })
  })

  it('an undeclared 500 is a failure with the body as text', async () => {
    server.route = (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom')
    const r = await api().getArticle({ params: { path: { id: 'a1' } } })
    expect(r).toMatchObject({ ok: false, status: 500, error: 'boom', problem: undefined })
  })
})

describe('transport failures reject with RequestError', () => {
  it('network', async () => {
    const closed = await startServer()
    await closed.close()
    const client = createClient({ baseUrl: closed.url, retry: false })
    const e = await client.listArticles().catch((e: unknown) => e)
    expect(e).toBeInstanceOf(RequestError)
    expect((e as RequestError).code).toBe('network')
    expect((e as RequestError).operation).toBe('listArticles')
    expect((e as RequestError).cause).toBeInstanceOf(Error)
  })

  it('invalid JSON in a success body', async () => {
    server.route = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [')
    const e = await api().listArticles().catch((e: unknown) => e)
    expect(e).toMatchObject({ name: 'RequestError', code: 'invalid-response' })
    expect((e as RequestError).cause).toBeInstanceOf(SyntaxError)
  })

  it('a missing path parameter is a programmer error (TypeError), not a request', async () => {
    const before = server.seen.length
    // @ts-expect-error -- path.id is required
    await expect(api().getArticle({ params: { path: {} } })).rejects.toThrow(TypeError)
    expect(server.seen.length).toBe(before)
  })

  it('what a call cannot even prepare rejects its promise; nothing is thrown at the call', async () => {
    const before = server.seen.length
    let call: Promise<unknown> | undefined
    // A header name with a space: `Headers` refuses it while the call is being prepared.
    expect(() => (call = api().getArticle({ params: { path: { id: 'a1' } }, headers: [['bad name', 'x']] }))).not.toThrow()
    await expect(call).rejects.toThrow(TypeError)
    expect(server.seen.length).toBe(before)
  })
})

describe('failing credentials: a token source that throws is never silent', () => {
  const failing = () => ({ getToken: () => Promise.reject(new Error('storage locked')), refresh: vi.fn(async () => 'never asked') })
  const unauthorized = () => {
    server.route = (_req, res) => json(res, 401, { title: 'Unauthorized' }, { 'www-authenticate': 'Bearer realm="api"' })
  }

  it('an operation that needs the token goes out without it; its 401 says refresh-failed with the error', async () => {
    unauthorized()
    const source = failing()
    const onUnauthenticated = vi.fn()
    const r = await createClient({ baseUrl: server.url, auth: { oauth2: source }, onUnauthenticated }).getArticle({ params: { path: { id: 'a1' } } })
    if (r.status !== 401) throw new Error(`unexpected ${r.status}`)
    expect(r.reauthSkipped).toBe('refresh-failed')
    expect((r.reauthError as Error).message).toBe('storage locked')
    expect(server.seen.at(-1)!.headers.authorization).toBeUndefined()
    // The source just failed: it is not asked again within the call.
    expect(source.refresh).not.toHaveBeenCalled()
    expect(onUnauthenticated).toHaveBeenCalledWith(r, 'getArticle')
  })

  it('a server that answers anything but 401 without the token: the call rejects with code credentials', async () => {
    server.route = (_req, res) => json(res, 200, { id: 'a1', title: 'public copy' })
    const e = await createClient({ baseUrl: server.url, auth: { oauth2: failing() } }).getArticle({ params: { path: { id: 'a1' } } }).catch((e: unknown) => e)
    expect(e).toMatchObject({ name: 'RequestError', code: 'credentials', operation: 'getArticle' })
    expect(((e as RequestError).cause as Error).message).toBe('storage locked')
  })

  it('an operation that also allows anonymous calls is not sent anonymously: it rejects, nothing is sent', async () => {
    server.route = (_req, res) => json(res, 200, { items: [] })
    const before = server.seen.length
    const e = await createClient({ baseUrl: server.url, auth: { oauth2: failing() } }).listArticles().catch((e: unknown) => e)
    expect(e).toMatchObject({ name: 'RequestError', code: 'credentials', operation: 'listArticles' })
    expect(((e as RequestError).cause as Error).message).toBe('storage locked')
    expect(server.seen.length).toBe(before)
  })

  it('a source with no token (signed out, not failed) still calls an anonymous-capable operation anonymously', async () => {
    server.route = (_req, res) => json(res, 200, { items: [] })
    const r = await createClient({ baseUrl: server.url, auth: { oauth2: { getToken: () => undefined } } }).listArticles()
    expect(r.status).toBe(200)
    expect(server.seen.at(-1)!.headers.authorization).toBeUndefined()
  })
})
