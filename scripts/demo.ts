// `npm run demo`: the 401-versus-403 argument (the project's seed), run. Generates server and client from
// spec/articles.yaml, serves the generated server on 127.0.0.1 with an in-memory
// implementation, walks every scenario with the generated client, prints what
// happened, and exits 1 if anything differs from what the rules say.
import { randomBytes } from 'node:crypto'
import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { jwtVerify, SignJWT } from 'jose'
import { generate } from '@gatehouse/cli'
import { refreshTokenGrant, type TokenSource } from '@gatehouse/client'
import { toNodeHandler, type Principal } from '@gatehouse/server'
// Types only: the committed copy is byte-identical to what is generated below
// (`npm test` runs `gatehouse generate --check` over it).
import type * as ClientModule from '../test/generated/articles/client.js'
import type * as ServerModule from '../test/generated/articles/server.js'
import type { components } from '../test/generated/articles/types.js'
import { articlesStore } from './articles-memory.js'

type Article = components['schemas']['Article']
type TokenResponse = components['schemas']['TokenResponse']

const root = fileURLToPath(new URL('../', import.meta.url))
const out = `${root}.cache/demo`
const plain = Boolean(process.env.NO_COLOR) || !process.stdout.isTTY
const paint = (code: number) => (text: string) => (plain ? text : `\x1b[${code}m${text}\x1b[0m`)
const [dim, bold, green, red] = [paint(2), paint(1), paint(32), paint(31)]

// ── 1. generate ────────────────────────────────────────────────────────────
const started = performance.now()
const generated = await generate({ spec: `${root}spec/articles.yaml`, out })
console.log(bold('gatehouse generate spec/articles.yaml --out .cache/demo'))
console.log(
  dim(`  ${generated.files.map((f) => f.path).join(', ')} — ${generated.model.operations.length} operations, ` +
    `${Math.round(performance.now() - started)} ms`),
)
const { createServer } = (await import(pathToFileURL(`${out}/server.ts`).href)) as typeof ServerModule
const { createClient } = (await import(pathToFileURL(`${out}/client.ts`).href)) as typeof ClientModule

// ── 2. the API, in memory ──────────────────────────────────────────────────
interface User { password: string; role: string; scopes: string[] }
const users: Record<string, User> = {
  mary: { password: 'mary-password', role: 'admin', scopes: ['articles:read', 'articles:write', 'articles:admin'] },
  bob: { password: 'bob-password', role: 'editor', scopes: ['articles:read'] },
  janet: { password: 'janet-password', role: 'author', scopes: ['articles:read', 'articles:write'] },
}
const key = randomBytes(32) // HMAC key of this run's access tokens (HS256)
const issuer = 'urn:gatehouse:demo'
const refreshTokens = new Map<string, string>() // refresh token → username; rotated on every use

async function accessToken(username: string, expiresIn = 300): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ scope: users[username]!.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(username)
    .setIssuer(issuer)
    .setAudience('articles')
    .setIssuedAt(now - Math.max(0, -expiresIn))
    .setExpirationTime(now + expiresIn)
    .sign(key)
}

async function issueTokens(username: string): Promise<TokenResponse> {
  const refresh = randomBytes(24).toString('base64url')
  refreshTokens.set(refresh, username)
  return { access_token: await accessToken(username), token_type: 'Bearer', expires_in: 300, refresh_token: refresh, scope: users[username]!.scopes.join(' ') }
}

async function verify(token: string): Promise<Principal | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer, audience: 'articles', algorithms: ['HS256'] })
    return { subject: payload.sub, scopes: String(payload.scope ?? '').split(' ').filter(Boolean) }
  } catch {
    return undefined // expired, forged, malformed: all the same 401 invalid_token in production mode
  }
}

const noStore = { headers: { 'cache-control': 'no-store' } } // RFC 6749 §5.1
const app = createServer({
  authenticate: { oauth2: verify, bearerAuth: verify },
  handlers: {
    authorize: async ({ body }, reply) => {
      // A public client identifies itself with client_id (RFC 6749 §2.3); this demo knows one.
      if (body.client_id !== undefined && body.client_id !== 'demo-app') return reply.invalidClient()
      if (body.grant_type === 'password') {
        const user = users[body.username ?? '']
        if (!user || user.password !== body.password) return reply.invalidGrant()
        return reply.ok(await issueTokens(body.username!), noStore)
      }
      const username = refreshTokens.get(body.refresh_token ?? '')
      if (username === undefined) return reply.invalidGrant()
      refreshTokens.delete(body.refresh_token!)
      return reply.ok(await issueTokens(username), noStore)
    },
    ...articlesStore(),
  },
})

const http = createHttpServer(toNodeHandler(app))
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
console.log(bold(`generated server listening on ${baseUrl}`) + dim(' (Mary: admin, Bob: editor, Janet: author, no token yet)'))

// ── 3. the scenarios ──────────────────────────────────────────────────────
/** Every HTTP exchange of the current scenario, as the wire saw it. */
interface Exchange { method: string; path: string; status: number; challenge: string | null; body: string }
let wire: Exchange[] = []
const recordingFetch = async (url: string, init: RequestInit): Promise<Response> => {
  const response = await fetch(url, init)
  const body = await response.clone().text()
  wire.push({ method: init.method ?? 'GET', path: new URL(url).pathname, status: response.status, challenge: response.headers.get('www-authenticate'), body })
  return response
}
const clientFor = (oauth2: TokenSource) => createClient({ baseUrl, auth: { oauth2 }, fetch: recordingFetch })

interface Row { who: string; request: string; expected: number; got: number; result: string; checks: [string, boolean][]; wire: Exchange[] }
const rows: Row[] = []
async function scenario(who: string, request: string, expected: number, run: () => Promise<{ got: number; result: string; checks?: [string, boolean][] }>) {
  wire = []
  const { got, result, checks = [] } = await run()
  rows.push({ who, request, expected, got, result, checks, wire })
}
const json = (value: unknown) => JSON.stringify(value)

// Mary and Bob signed in earlier; Janet has no token yet.
const mary = clientFor({ getToken: () => accessToken('mary') })
const bob = clientFor({ getToken: () => accessToken('bob') })
let janetToken: string | undefined
const janet = clientFor({ getToken: () => janetToken })
const draft: Article = { title: 'Why 401 is not 403', body: 'Credentials first, then scopes.', status: 'draft', tags: ['http'] }

let maryDraftId = ''
await scenario('Mary', 'POST /articles (admin)', 201, async () => {
  const r = await mary.createArticle({ body: draft })
  if (!r.ok) return { got: r.status, result: json(r.problem) }
  maryDraftId = r.data.id ?? ''
  return {
    got: r.status,
    result: `data.id=${json(r.data.id)} data.owner=${json(r.data.owner)} Location=${r.response.headers.get('location')}`,
    checks: [['owner is mary', r.data.owner === 'mary']],
  }
})

await scenario('Bob', 'POST /articles (editor)', 403, async () => {
  const r = await bob.createArticle({ body: draft })
  if (r.status !== 403) return { got: r.status, result: '' }
  return { got: r.status, result: `requiredScopes=${json(r.requiredScopes)}`, checks: [['requiredScopes', json(r.requiredScopes) === '["articles:write"]']] }
})

await scenario('Janet', 'POST /articles, no token', 401, async () => {
  const r = await janet.createArticle({ body: draft })
  if (r.status !== 401) return { got: r.status, result: '' }
  const [first] = r.challenges
  return {
    got: r.status,
    result: `challenges=${json(r.challenges)} ← WWW-Authenticate: ${r.response.headers.get('www-authenticate')}`,
    checks: [['Bearer realm="example", no error', first?.scheme.toLowerCase() === 'bearer' && first.params.realm === 'example' && !('error' in first.params)]],
  }
})

await scenario('Janet', 'POST /authorize (password grant)', 200, async () => {
  const r = await janet.authorize({ body: { grant_type: 'password', username: 'janet', password: users.janet!.password } })
  if (!r.ok) return { got: r.status, result: json(r.error) }
  janetToken = r.data.access_token
  return {
    got: r.status,
    result: `data.token_type=${json(r.data.token_type)} data.expires_in=${r.data.expires_in} data.scope=${json(r.data.scope)} Cache-Control=${r.response.headers.get('cache-control')}`,
  }
})

await scenario('Janet', 'POST /articles, retry with her token', 201, async () => {
  const r = await janet.createArticle({ body: { ...draft, title: 'Janet was here', status: 'published' } })
  if (!r.ok) return { got: r.status, result: json(r.problem) }
  return { got: r.status, result: `data.id=${json(r.data.id)} data.owner=${json(r.data.owner)}`, checks: [['owner is janet', r.data.owner === 'janet']] }
})

await scenario('Mary', 'POST /articles, expired token', 201, async () => {
  // Mary's app holds an access token that expired a minute ago, and her refresh token.
  const { refresh_token } = await issueTokens('mary')
  const source = refreshTokenGrant({
    tokenEndpoint: `${baseUrl}/authorize`,
    clientId: 'demo-app',
    refreshToken: refresh_token!,
    accessToken: await accessToken('mary', -60),
    fetch: recordingFetch,
  })
  const r = await clientFor(source).createArticle({ body: { ...draft, title: 'Refreshed' } })
  const first = wire[0]
  return {
    got: r.status,
    result: r.ok ? `data.id=${json(r.data.id)} after one refresh` : json(r.problem),
    checks: [
      ['first answer: 401 invalid_token', first?.status === 401 && /error="invalid_token"/.test(first.challenge ?? '')],
      ['exactly one refresh', wire.filter((e) => e.path === '/authorize').length === 1],
    ],
  }
})

const untitled = { body: 'An article with no title.', status: 'draft' } as unknown as Article // what a buggy form sends
await scenario('Mary', 'POST /articles, no title', 400, async () => {
  const r = await mary.createArticle({ body: untitled })
  if (r.status !== 400) return { got: r.status, result: '' }
  return { got: r.status, result: `invalidParams=${json(r.invalidParams)}`, checks: [['names the title, once', r.invalidParams.filter((p) => p.name === 'title').length === 1]] }
})

await scenario('nobody', 'POST /articles, no title, no token', 401, async () => {
  const r = await clientFor({ getToken: () => undefined }).createArticle({ body: untitled })
  if (r.status !== 401) return { got: r.status, result: '' }
  return {
    got: r.status,
    result: `challenges=${json(r.challenges)} (credentials first: nothing about the body)`,
    checks: [['no word about the body', !/invalid-params|"errors"|pointer/.test(wire[0]?.body ?? '')]],
  }
})

let hiddenBody = ''
await scenario('Bob', "GET /articles/{id} (Mary's draft)", 404, async () => {
  const r = await bob.getArticle({ params: { path: { id: maryDraftId } } })
  hiddenBody = wire[0]?.body ?? ''
  return { got: r.status, result: r.ok ? json(r.data) : `problem.title=${json(r.problem?.title)} — the draft's existence stays hidden` }
})

await scenario('Bob', 'GET /articles/{id} (no such article)', 404, async () => {
  const r = await bob.getArticle({ params: { path: { id: 'no-such-article' } } })
  const same = (wire[0]?.body ?? '') === hiddenBody
  return { got: r.status, result: `same bytes as the hidden draft: ${same ? 'yes' : 'no'}`, checks: [['byte-for-byte the same 404', same]] }
})

await scenario('Janet', 'POST /authorize, wrong password', 400, async () => {
  const r = await janet.authorize({ body: { grant_type: 'password', username: 'janet', password: 'guess' } })
  if (r.status !== 400) return { got: r.status, result: '' }
  return {
    got: r.status,
    result: `error=${json(r.error)} — ${wire.length} request, no refresh loop`,
    checks: [['invalid_grant', json(r.error).includes('"error":"invalid_grant"')], ['one request only', wire.length === 1]],
  }
})

await scenario('Mary', 'POST /authorize, unknown client_id', 401, async () => {
  // Through a client whose token source could refresh: a 401 here must not make it try.
  let refreshes = 0
  const refreshing: TokenSource = {
    getToken: () => accessToken('mary'),
    refresh: async () => {
      refreshes++
      return accessToken('mary')
    },
  }
  const r = await clientFor(refreshing).authorize({ body: { grant_type: 'password', username: 'mary', password: users.mary!.password, client_id: 'rogue-app' } })
  if (r.status !== 401) return { got: r.status, result: '' }
  return {
    got: r.status,
    result: `error=${json(r.error)} reauthSkipped=${json(r.reauthSkipped)} — ${refreshes} refreshes`,
    checks: [['invalid_client', json(r.error).includes('"error":"invalid_client"')], ['no refresh, one request', refreshes === 0 && wire.length === 1]],
  }
})

http.closeAllConnections()
await new Promise<void>((resolve) => http.close(() => resolve()))

// ── 4. the table ──────────────────────────────────────────────────────────
const failures = rows.filter((row) => row.got !== row.expected || row.checks.some(([, ok]) => !ok))
const width = (pick: (row: Row) => string) => Math.max(...rows.map((row) => pick(row).length))
const [whoWidth, requestWidth] = [width((r) => r.who), width((r) => r.request)]
console.log()
console.log(bold(` #  ${'who'.padEnd(whoWidth)}  ${'request'.padEnd(requestWidth)}  expected  got  typed result`))
rows.forEach((row, i) => {
  const ok = row.got === row.expected && row.checks.every(([, passed]) => passed)
  console.log(
    `${String(i + 1).padStart(2)}  ${row.who.padEnd(whoWidth)}  ${row.request.padEnd(requestWidth)}  ${String(row.expected).padStart(8)}  ${row.got}  ` +
      `${ok ? green('✓') : red('✗')} ${row.result}`,
  )
  const indent = ' '.repeat(6 + whoWidth)
  if (row.wire.length > 1 || row.wire[0]?.challenge) {
    const trace = row.wire.map((e) => `${e.method} ${e.path} → ${e.status}${e.challenge ? ` (WWW-Authenticate: ${e.challenge})` : ''}`)
    console.log(dim(`${indent}wire: ${trace.join('; ')}`))
  }
  for (const [name, passed] of row.checks.filter(([, passed]) => !passed)) console.log(red(`${indent}✗ ${name}`))
})
console.log()
if (failures.length > 0) {
  console.log(red(`${failures.length} of ${rows.length} scenarios differ from what the rules say`))
  process.exitCode = 1
} else {
  console.log(green(`all ${rows.length} scenarios answered as the rules say`) + dim(` (generated into ${relative(root, out)}/, server stopped)`))
}
