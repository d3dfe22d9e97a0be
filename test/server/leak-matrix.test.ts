// Every protected operation of both example specs × every kind of caller × a valid and an invalid
// request: the exact status, challenge and body, and no validation detail before authorization.
import { beforeEach, describe, expect, it } from 'vitest'
import { articlesApp, articleTokens } from '../fixtures/server/articles-app.js'
import { petCredentials, petstoreApp } from '../fixtures/server/petstore-app.js'
import { call, problemBody, see, type Seen } from './helpers.js'

type Req = { method: string; path: string; headers?: Record<string, string>; body?: string }
type Expect = { status: number; challenges?: string[]; body?: string; bodyHas?: Record<string, unknown> }

const json = { 'content-type': 'application/json' }
const NOT_FOUND = problemBody(404, 'Not Found')
const UNAUTHORIZED = problemBody(401, 'Unauthorized')
const MALFORMED = problemBody(400, 'Bad Request')

function challengesOf(seen: Seen): string[] {
  return seen.headers.filter(([n]) => n === 'www-authenticate').map(([, v]) => v)
}

async function expectOutcome(app: { fetch(r: Request): Promise<Response> }, req: Req, want: Expect) {
  const seen = await see(await call(app, req.method, req.path, { ...(req.headers && { headers: req.headers }), ...(req.body !== undefined && { body: req.body }) }))
  expect(seen.status, `${req.method} ${req.path}`).toBe(want.status)
  // A fetch Response joins repeated WWW-Authenticate lines with ", " (they are separate lines on node:http).
  if (want.challenges) expect(challengesOf(seen)).toEqual(want.challenges.length ? [want.challenges.join(', ')] : [])
  if (want.body !== undefined) expect(seen.body).toBe(want.body)
  if (want.bodyHas) expect(JSON.parse(seen.body)).toMatchObject(want.bodyHas)
  if (want.status === 401 || want.status === 403 || (want.status === 400 && want.body === MALFORMED)) {
    expect(seen.body).not.toContain('invalid-params')
    expect(seen.body).not.toContain('errors')
  }
  return seen
}

describe('articles leak matrix', () => {
  let app = articlesApp().app
  beforeEach(() => void (app = articlesApp().app))
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const ops: Record<string, { valid: Req; invalid: Req; withScope: string; ok: number }> = {
    createArticle: {
      valid: { method: 'POST', path: '/articles', headers: json, body: '{"title":"T","body":"B"}' },
      invalid: { method: 'POST', path: '/articles', headers: json, body: '{"title":""}' },
      withScope: articleTokens.mary,
      ok: 201,
    },
    getArticle: {
      valid: { method: 'GET', path: '/articles/hello' },
      invalid: { method: 'GET', path: '/articles/Not_An_Id' },
      withScope: articleTokens.bob,
      ok: 200,
    },
    deleteArticle: {
      valid: { method: 'DELETE', path: '/articles/mary-draft' },
      invalid: { method: 'DELETE', path: '/articles/Not_An_Id' },
      withScope: articleTokens.mary,
      ok: 204,
    },
  }
  const scopeOf: Record<string, string> = { createArticle: 'articles:write', getArticle: 'articles:read', deleteArticle: 'articles:admin' }

  for (const [name, op] of Object.entries(ops)) {
    for (const variant of ['valid', 'invalid'] as const) {
      const base = op[variant]
      const withAuth = (headers: Record<string, string>): Req => ({ ...base, headers: { ...base.headers, ...headers } })
      it(`${name} (${variant} request): no credentials → 401, bare challenge`, () =>
        expectOutcome(app, base, { status: 401, challenges: ['Bearer realm="example"'], body: UNAUTHORIZED }))
      it(`${name} (${variant} request): malformed credentials → 400 invalid_request`, async () => {
        for (const value of ['Bearer a b', 'Bearer ', 'Bearer']) {
          await expectOutcome(app, withAuth({ authorization: value }), { status: 400, challenges: ['Bearer realm="example", error="invalid_request"'], body: MALFORMED })
        }
      })
      it(`${name} (${variant} request): invalid token → 401 invalid_token, no description`, () =>
        expectOutcome(app, withAuth(bearer('forged')), { status: 401, challenges: ['Bearer realm="example", error="invalid_token"'], body: UNAUTHORIZED }))
      it(`${name} (${variant} request): valid token without scope`, () =>
        name === 'getArticle'
          ? expectOutcome(app, withAuth(bearer(articleTokens.noScope)), { status: 404, challenges: [], body: NOT_FOUND })
          : expectOutcome(app, withAuth(bearer(articleTokens.noScope)), {
              status: 403,
              challenges: [`Bearer realm="example", error="insufficient_scope", scope="${scopeOf[name]}"`],
              body: problemBody(403, 'Forbidden', { 'required-scopes': [scopeOf[name]] }),
            }))
      it(`${name} (${variant} request): valid token with scope`, async () => {
        const seen = await expectOutcome(app, withAuth(bearer(op.withScope)), { status: variant === 'valid' ? op.ok : 400, challenges: [] })
        if (variant === 'invalid') {
          const body = JSON.parse(seen.body)
          expect(body['invalid-params'].length).toBeGreaterThan(0)
          expect(body.errors).toHaveLength(body['invalid-params'].length)
        }
      })
    }
  }

  it('getArticle: the owner reads her draft, anyone else gets the 404 of a missing article, byte for byte', async () => {
    await expectOutcome(app, { method: 'GET', path: '/articles/mary-draft', headers: bearer(articleTokens.mary) }, { status: 200, bodyHas: { id: 'mary-draft' } })
    const hidden = await see(await call(app, 'GET', '/articles/mary-draft', { headers: bearer(articleTokens.bob) }))
    const missing = await see(await call(app, 'GET', '/articles/no-such-article', { headers: bearer(articleTokens.bob) }))
    const unknownRoute = await see(await call(app, 'GET', '/no/such/route'))
    const unscoped = await see(await call(app, 'GET', '/articles/hello', { headers: bearer(articleTokens.noScope) }))
    expect(hidden).toEqual(missing)
    expect(hidden).toEqual(unknownRoute)
    expect(hidden).toEqual(unscoped)
    expect(hidden).toEqual({ status: 404, headers: [['content-type', 'application/problem+json']], body: NOT_FOUND })
  })

  it('listArticles lets anonymous callers in ({}), but still rejects a bad token', async () => {
    await expectOutcome(app, { method: 'GET', path: '/articles?limit=5' }, { status: 200, bodyHas: { items: [{ id: 'hello' }] } })
    await expectOutcome(app, { method: 'GET', path: '/articles?limit=0' }, { status: 400, bodyHas: { 'invalid-params': [{ name: 'limit' }], errors: [{ pointer: '#/query/limit' }] } })
    await expectOutcome(app, { method: 'GET', path: '/articles', headers: bearer('forged') }, {
      status: 401,
      challenges: ['Bearer realm="example", error="invalid_token"'],
      body: UNAUTHORIZED,
    })
    // The partner JWT fails oauth2 but passes bearerAuth: the shared token is valid.
    await expectOutcome(app, { method: 'GET', path: '/articles', headers: bearer(articleTokens.partner) }, { status: 200 })
    // Mary's own draft is listed only for her.
    const mine = await see(await call(app, 'GET', '/articles', { headers: bearer(articleTokens.mary) }))
    expect(JSON.parse(mine.body).items.map((a: { id: string }) => a.id)).toEqual(['hello', 'mary-draft'])
  })
})

describe('petstore leak matrix', () => {
  let app = petstoreApp().app
  beforeEach(() => void (app = petstoreApp().app))
  const key = { 'x-api-key': petCredentials.apiKey }
  const basicChallenge = 'Basic realm="pets", charset="UTF-8"'

  for (const variant of ['valid', 'invalid'] as const) {
    const body = variant === 'valid' ? '{"name":"Kitty","species":"cat"}' : '{"name":"","species":"lizard"}'
    const create = (headers: Record<string, string>): Req => ({ method: 'POST', path: '/pets', headers: { ...json, ...headers }, body })
    it(`createPet (${variant}): Basic AND apiKey`, async () => {
      await expectOutcome(app, create({}), { status: 401, challenges: [basicChallenge, 'ApiKey realm="pets"'], body: UNAUTHORIZED })
      await expectOutcome(app, create({ ...key, authorization: 'Basic !!!' }), {
        status: 400,
        challenges: [`${basicChallenge}, error="invalid_request"`],
        body: MALFORMED,
      })
      await expectOutcome(app, create({ ...key, authorization: petCredentials.wrongPassword }), {
        status: 401,
        challenges: [`${basicChallenge}, error="invalid_token"`],
        body: UNAUTHORIZED,
      })
      await expectOutcome(app, create({ 'x-api-key': 'wrong', authorization: petCredentials.staff }), {
        status: 401,
        challenges: ['ApiKey realm="pets", error="invalid_token"'],
        body: UNAUTHORIZED,
      })
      // Only one half of the AND: ask for the other half, no error.
      await expectOutcome(app, create({ authorization: petCredentials.staff }), { status: 401, challenges: ['ApiKey realm="pets"'], body: UNAUTHORIZED })
      await expectOutcome(app, create({ ...key, authorization: petCredentials.noRole }), {
        status: 403,
        challenges: [`${basicChallenge}, error="insufficient_scope", scope="staff"`],
        body: problemBody(403, 'Forbidden', { 'required-scopes': ['staff'] }),
      })
      await expectOutcome(app, create({ ...key, authorization: petCredentials.staff }), {
        status: variant === 'valid' ? 201 : 400,
        ...(variant === 'invalid' && { bodyHas: { 'invalid-params': [{ name: 'name' }, { name: 'species' }], errors: [{ pointer: '#/name' }, { pointer: '#/species' }] } }),
      })
    })

    const petPath = variant === 'valid' ? '/pets/1' : '/pets/0'
    it(`getPet (${variant}): any one of three credentials`, async () => {
      const get = (headers: Record<string, string> = {}, query = ''): Req => ({ method: 'GET', path: petPath + query, headers })
      await expectOutcome(app, get(), { status: 401, challenges: ['ApiKey realm="pets"', basicChallenge], body: UNAUTHORIZED })
      await expectOutcome(app, get({}, '?api_key=a&api_key=b'), { status: 400, challenges: ['ApiKey realm="pets", error="invalid_request"'], body: MALFORMED })
      await expectOutcome(app, get({ 'x-api-key': 'wrong' }), { status: 401, challenges: ['ApiKey realm="pets", error="invalid_token"'], body: UNAUTHORIZED })
      const ok = variant === 'valid' ? 200 : 400
      await expectOutcome(app, get(key), { status: ok, challenges: [] })
      await expectOutcome(app, get({}, `?api_key=${petCredentials.queryKey}`), { status: ok, challenges: [] })
      await expectOutcome(app, get({ authorization: petCredentials.noRole }), { status: ok, challenges: [] })
    })

    it(`deletePet (${variant}): admin role, scopes kept secret`, async () => {
      const del = (headers: Record<string, string> = {}): Req => ({ method: 'DELETE', path: variant === 'valid' ? '/pets/2' : '/pets/abc', headers })
      await expectOutcome(app, del(), { status: 401, challenges: [basicChallenge], body: UNAUTHORIZED })
      await expectOutcome(app, del({ authorization: 'Basic bm9jb2xvbg==' }), { status: 400, challenges: [`${basicChallenge}, error="invalid_request"`], body: MALFORMED })
      await expectOutcome(app, del({ authorization: petCredentials.wrongPassword }), { status: 401, challenges: [`${basicChallenge}, error="invalid_token"`], body: UNAUTHORIZED })
      await expectOutcome(app, del({ authorization: petCredentials.staff }), {
        status: 403,
        challenges: [`${basicChallenge}, error="insufficient_scope"`],
        body: problemBody(403, 'Forbidden'),
      })
      await expectOutcome(app, del({ authorization: petCredentials.admin }), {
        status: variant === 'valid' ? 204 : 400,
        ...(variant === 'invalid' && { bodyHas: { 'invalid-params': [{ name: 'petId' }], errors: [{ pointer: '#/path/petId' }] } }),
      })
    })
  }

  it('getInventory: anonymous totals, partner counts, bad session rejected with the scheme realm', async () => {
    await expectOutcome(app, { method: 'GET', path: '/store/inventory' }, { status: 200, body: '{"cat":1,"dog":1}' })
    await expectOutcome(app, { method: 'GET', path: '/store/inventory', headers: { cookie: `SESSION=${petCredentials.session}` } }, { status: 200, body: '{"Tom":1,"Rex":1}' })
    await expectOutcome(app, { method: 'GET', path: '/store/inventory', headers: { cookie: 'SESSION=stolen' } }, {
      status: 401,
      challenges: ['ApiKey realm="partners", error="invalid_token"'],
      body: UNAUTHORIZED,
    })
  })

  it('the public listing needs nothing and still validates', async () => {
    await expectOutcome(app, { method: 'GET', path: '/pets?species=cat,dog&limit=10' }, { status: 200, bodyHas: [{ name: 'Tom' }, { name: 'Rex' }] as never })
    await expectOutcome(app, { method: 'GET', path: '/pets?species=cat&species=dog' }, { status: 400, bodyHas: { 'invalid-params': [{ name: 'species', reason: 'must not be repeated' }] } })
  })
})
