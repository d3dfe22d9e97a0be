// One scenario suite for every way of serving the articles app over real HTTP (node:http,
// Express, Hono, and the end-to-end tests): each scenario is a request and what must come back.
import { request as httpRequest } from 'node:http'
import { parseChallenges, type Challenge } from '@gatehouse/http-auth'
import { expect } from 'vitest'
import { articlesApp, articleTokens } from '../fixtures/server/articles-app.js'

/** The allowed browser origin of {@link scenarioApp}. */
export const scenarioOrigin = 'https://app.example'

/** The app every scenario runs against: production mode, CORS for {@link scenarioOrigin}. */
export function scenarioApp() {
  return articlesApp({ cors: { origins: [scenarioOrigin] } }).app
}

/** What came back over the wire; `headers` keeps every header line apart, names lower-cased. */
export interface WireResponse {
  status: number
  headers: [string, string][]
  body: string
}

/** Sends one request with node:http (not fetch, which would join repeated header lines). */
export function sendRaw(baseUrl: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseUrl), { method, headers: { ...headers, ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const pairs: [string, string][] = []
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!])
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Every challenge of a response, whether sent as one line each or joined. */
export function challengesOf(res: WireResponse): Challenge[] {
  return res.headers.filter(([n]) => n === 'www-authenticate').flatMap(([, v]) => parseChallenges(v))
}

/** One request and the observable answer it must get. */
export interface Scenario {
  name: string
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  status: number
  /** Exact challenges (parsed: scheme lower-cased, params as sent); `[]` means no `WWW-Authenticate`. */
  challenges?: Challenge[]
  /** The exact body text. */
  bodyText?: string
  /** A subset the JSON body must contain. */
  bodyHas?: unknown
  /** Headers that must be present with these values. */
  headersHave?: Record<string, string>
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const json = { 'content-type': 'application/json' }
const p = (status: number, title: string, extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'about:blank', title, status, ...extra })
const NOT_FOUND = p(404, 'Not Found')

/** The shared suite. */
export const scenarios: Scenario[] = [
  { name: 'anonymous listing', method: 'GET', path: '/articles', status: 200, bodyHas: { items: [{ id: 'hello' }] }, challenges: [] },
  { name: 'no credentials', method: 'POST', path: '/articles', headers: json, body: '{"title":""}', status: 401, bodyText: p(401, 'Unauthorized'), challenges: [{ scheme: 'bearer', params: { realm: 'example' } }] },
  { name: 'two tokens', method: 'POST', path: '/articles', headers: { ...json, authorization: 'Bearer a b' }, body: '{}', status: 400, bodyText: p(400, 'Bad Request'), challenges: [{ scheme: 'bearer', params: { realm: 'example', error: 'invalid_request' } }] },
  { name: 'forged token', method: 'POST', path: '/articles', headers: { ...json, ...bearer('forged') }, body: '{}', status: 401, bodyText: p(401, 'Unauthorized'), challenges: [{ scheme: 'bearer', params: { realm: 'example', error: 'invalid_token' } }] },
  {
    name: 'editor may not write', method: 'POST', path: '/articles', headers: { ...json, ...bearer(articleTokens.bob) }, body: '{"title":""}', status: 403,
    bodyText: p(403, 'Forbidden', { 'required-scopes': ['articles:write'] }),
    challenges: [{ scheme: 'bearer', params: { realm: 'example', error: 'insufficient_scope', scope: 'articles:write' } }],
  },
  {
    name: 'admin sends an invalid article', method: 'POST', path: '/articles', headers: { ...json, ...bearer(articleTokens.mary) }, body: '{"title":"","extra":1}', status: 400,
    bodyHas: { 'invalid-params': [{ name: 'title' }, { name: 'body', reason: 'is required' }, { name: 'extra' }], errors: [{ pointer: '#/title' }, { pointer: '#/body' }, { pointer: '#/extra' }] },
    headersHave: { 'content-type': 'application/problem+json' },
  },
  { name: 'admin creates an article', method: 'POST', path: '/articles', headers: { ...json, ...bearer(articleTokens.mary) }, body: '{"title":"T","body":"B"}', status: 201, bodyHas: { title: 'T', status: 'draft', owner: 'mary' }, headersHave: { location: '/articles/article-1' } },
  { name: 'wrong media type', method: 'POST', path: '/articles', headers: { 'content-type': 'text/plain', ...bearer(articleTokens.mary) }, body: 'hi', status: 415, headersHave: { 'content-type': 'application/problem+json' } },
  { name: 'unparseable JSON', method: 'POST', path: '/articles', headers: { ...json, ...bearer(articleTokens.mary) }, body: '{"title":', status: 400, bodyText: p(400, 'Bad Request', { detail: 'The body is not valid JSON.' }) },
  { name: "someone else's draft is hidden", method: 'GET', path: '/articles/mary-draft', headers: bearer(articleTokens.bob), status: 404, bodyText: NOT_FOUND, challenges: [] },
  { name: 'a missing article', method: 'GET', path: '/articles/nothing-here', headers: bearer(articleTokens.bob), status: 404, bodyText: NOT_FOUND, challenges: [] },
  { name: 'an unknown route', method: 'GET', path: '/nowhere', status: 404, bodyText: NOT_FOUND },
  { name: 'wrong method, anonymous: like any unauthenticated request', method: 'PATCH', path: '/articles/hello', status: 401, bodyText: p(401, 'Unauthorized'), challenges: [{ scheme: 'bearer', params: { realm: 'example' } }] },
  { name: 'wrong method, authenticated: 405 with Allow', method: 'PATCH', path: '/articles/hello', headers: bearer(articleTokens.bob), status: 405, headersHave: { allow: 'GET, DELETE, HEAD' } },
  { name: 'unsupported query parameter', method: 'GET', path: '/articles?sort=asc', status: 400, bodyHas: { 'invalid-params': [{ name: 'sort', reason: 'is not a supported parameter' }] } },
  { name: 'repeated tag is an array', method: 'GET', path: '/articles?tag=a&tag=b', status: 200, bodyHas: { items: [] } },
  { name: 'repeated limit is not', method: 'GET', path: '/articles?limit=1&limit=2', status: 400, bodyHas: { 'invalid-params': [{ name: 'limit', reason: 'must not be repeated' }], errors: [{ pointer: '#/query/limit' }] } },
  { name: 'token endpoint takes a form', method: 'POST', path: '/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=mary&password=secret', status: 200, bodyHas: { access_token: articleTokens.mary }, headersHave: { 'cache-control': 'no-store' } },
  { name: 'token endpoint takes JSON', method: 'POST', path: '/authorize', headers: json, body: '{"grant_type":"password","username":"mary","password":"secret"}', status: 200, bodyHas: { token_type: 'Bearer' } },
  { name: 'wrong password: invalid_grant', method: 'POST', path: '/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=mary&password=guess', status: 400, bodyText: '{"error":"invalid_grant"}', headersHave: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
  { name: 'unknown client: invalid_client', method: 'POST', path: '/authorize', headers: json, body: '{"grant_type":"password","client_id":"unknown-client"}', status: 401, bodyText: '{"error":"invalid_client"}', challenges: [{ scheme: 'basic', params: { realm: 'example', charset: 'UTF-8' } }] },
  // A token endpoint answers a malformed request as RFC 6749 §5.2 says, not with problem details.
  { name: 'a password is never echoed', method: 'POST', path: '/authorize', headers: json, body: '{"grant_type":"magic","password":"hunter2"}', status: 400, bodyText: '{"error":"invalid_request"}', headersHave: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
  {
    name: 'CORS: challenges readable by the allowed origin', method: 'POST', path: '/articles', headers: { ...json, origin: scenarioOrigin }, body: '{}', status: 401,
    headersHave: { 'access-control-allow-origin': scenarioOrigin, 'access-control-expose-headers': 'WWW-Authenticate, DPoP-Nonce, Retry-After' },
  },
  {
    name: 'CORS preflight', method: 'OPTIONS', path: '/articles', headers: { origin: scenarioOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' }, status: 204,
    headersHave: { 'access-control-allow-origin': scenarioOrigin, 'access-control-allow-methods': 'GET, POST, HEAD', 'access-control-allow-headers': 'authorization, content-type' },
  },
]

/** Runs one scenario against a server at `baseUrl` and checks every declared expectation. */
export async function checkScenario(baseUrl: string, s: Scenario): Promise<WireResponse> {
  const res = await sendRaw(baseUrl, s.method, s.path, s.headers, s.body)
  expect(res.status, s.name).toBe(s.status)
  if (s.challenges) expect(challengesOf(res), s.name).toEqual(s.challenges)
  if (s.bodyText !== undefined) expect(res.body, s.name).toBe(s.bodyText)
  if (s.bodyHas !== undefined) expect(JSON.parse(res.body), s.name).toMatchObject(s.bodyHas as object)
  for (const [name, value] of Object.entries(s.headersHave ?? {})) {
    expect(res.headers.filter(([n]) => n === name).map(([, v]) => v).join(', '), `${s.name}: ${name}`).toBe(value)
  }
  if (s.name === 'a password is never echoed') expect(res.body).not.toContain('hunter2')
  return res
}
