// The pipeline's edges, on small hand-written operation tables and on the generated articles app:
// modes, error handling, 501, response checks in development, step-up, HEAD, limits, parameter styles, CORS.
import { parseChallenges } from '@gatehouse/http-auth'
import { createApp, type ApiDefinition, type AppOptions } from '@gatehouse/server'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { articlesApp, articleTokens } from '../fixtures/server/articles-app.js'
import { createServer, type Handlers } from '../generated/articles/server.js'
import { call, problemBody, see } from './helpers.js'

const api: ApiDefinition = {
  realm: 'tests',
  schemes: { token: { type: 'http', credential: 'bearer' } },
  operations: {
    whoami: { method: 'get', path: '/me', security: [[{ scheme: 'token', scopes: [] }]], hideForbidden: false, exposeScopes: true, credentialsExchange: false, responses: { '200': ['application/json'] } },
    boom: { method: 'post', path: '/boom', security: [], hideForbidden: false, exposeScopes: true, credentialsExchange: false, responses: { '200': ['application/json'] } },
    unimplemented: { method: 'get', path: '/todo', security: [], hideForbidden: false, exposeScopes: true, credentialsExchange: false, responses: { '200': ['application/json'] } },
    search: {
      method: 'get', path: '/search/{ids}', security: [], hideForbidden: false, exposeScopes: true, credentialsExchange: false,
      parameters: [
        { name: 'ids', in: 'path', required: true, style: 'simple', explode: false, array: true },
        { name: 'csv', in: 'query', required: false, style: 'form', explode: false, array: true },
        { name: 'pipes', in: 'query', required: false, style: 'pipeDelimited', explode: false, array: true },
        { name: 'spaces', in: 'query', required: false, style: 'spaceDelimited', explode: false, array: true },
        { name: 'filter', in: 'query', required: false, style: 'deepObject', explode: true, object: true },
        { name: 'json', in: 'query', required: false, style: 'form', explode: true, json: true },
        { name: 'X-Tags', in: 'header', required: false, style: 'simple', explode: false, array: true },
        { name: 'X-Pin', in: 'header', required: false, style: 'simple', explode: false, secret: true },
        { name: 'theme', in: 'cookie', required: false, style: 'form', explode: true },
      ],
      responses: { '200': ['application/json'] },
      schemas: {
        header: z.object({ 'x-tags': z.array(z.string()).optional(), 'x-pin': z.string().regex(/^\d{4}$/).optional() }),
      },
    },
    upload: {
      method: 'post', path: '/upload', security: [], hideForbidden: false, exposeScopes: true, credentialsExchange: false,
      body: { required: true, types: ['application/json'] }, responses: { '201': [] },
      schemas: { body: { required: true, content: { 'application/json': z.object({ n: z.number() }) } } },
    },
  },
}

function testApp(options: Partial<AppOptions> = {}) {
  return createApp(api, {
    authenticate: { token: (token: string) => (token === 'good' ? { subject: 'u', scopes: [] } : undefined) },
    handlers: {
      whoami: (ctx: { principal: { subject: string } }, reply: { ok(b: unknown): unknown }) => reply.ok({ subject: ctx.principal.subject }),
      boom: () => {
        throw new Error('database password is hunter2')
      },
      search: (ctx: { params: unknown }, reply: { ok(b: unknown): unknown }) => reply.ok(ctx.params),
      upload: (_: unknown, reply: { send(s: number): unknown }) => reply.send(201),
    } as never,
    ...options,
  })
}

describe('modes', () => {
  it('development adds error_description to 401 and 400 challenges; production never does', async () => {
    const dev = testApp({ mode: 'development' })
    const prod = testApp()
    const devInvalid = await call(dev, 'GET', '/me', { headers: { authorization: 'Bearer bad' } })
    expect(devInvalid.headers.get('www-authenticate')).toBe('Bearer realm="tests", error="invalid_token", error_description="The credentials are invalid, expired or revoked."')
    const prodInvalid = await call(prod, 'GET', '/me', { headers: { authorization: 'Bearer bad' } })
    expect(prodInvalid.headers.get('www-authenticate')).toBe('Bearer realm="tests", error="invalid_token"')
    const devMalformed = await call(dev, 'GET', '/me', { headers: { authorization: 'Bearer a b' } })
    expect(devMalformed.headers.get('www-authenticate')).toContain('error_description="the Bearer credentials are not a single token"')
    const prodMalformed = await call(prod, 'GET', '/me', { headers: { authorization: 'Bearer a b' } })
    expect(prodMalformed.status).toBe(400)
    expect(prodMalformed.headers.get('www-authenticate')).toBe('Bearer realm="tests", error="invalid_request"')
    expect((await prodMalformed.json()).detail).toBeUndefined()
  })

  it('in development a wrong method is a 405 even for anonymous callers', async () => {
    const res = await call(testApp({ mode: 'development' }), 'DELETE', '/me')
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
  })

  it('the realm option applies to schemes without x-realm when the document has none', async () => {
    const app = createApp({ ...api, realm: undefined }, { authenticate: {}, handlers: {}, realm: 'fallback' })
    expect((await call(app, 'GET', '/me')).headers.get('www-authenticate')).toBe('Bearer realm="fallback"')
  })

  it('two apps over one definition keep their own 401 (the answer without credentials is built once per app)', async () => {
    const definition = { ...api, realm: undefined }
    const first = createApp(definition, { authenticate: {}, handlers: {}, realm: 'one' })
    const second = createApp(definition, { authenticate: {}, handlers: {}, realm: 'two' })
    for (let i = 0; i < 2; i++) {
      expect((await call(first, 'GET', '/me')).headers.get('www-authenticate')).toBe('Bearer realm="one"')
      expect((await call(second, 'GET', '/me')).headers.get('www-authenticate')).toBe('Bearer realm="two"')
    }
  })
})

describe('errors', () => {
  it('a thrown error is a bare 500 in production, and onError sees it', async () => {
    const onError = vi.fn()
    const res = await see(await call(testApp({ onError }), 'POST', '/boom'))
    expect(res).toEqual({ status: 500, headers: [['content-type', 'application/problem+json']], body: problemBody(500, 'Internal Server Error') })
    expect(onError).toHaveBeenCalledOnce()
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(Error)
    expect(onError.mock.calls[0]![1]).toMatchObject({ operation: 'boom' })
  })

  it('development names the error; onError may answer instead', async () => {
    const logger = { error: vi.fn() }
    const dev = await (await call(testApp({ mode: 'development', logger }), 'POST', '/boom')).json()
    expect(dev.detail).toBe('Error: database password is hunter2')
    expect(logger.error).toHaveBeenCalledOnce()
    const replaced = await call(testApp({ onError: () => new Response('custom', { status: 503 }) }), 'POST', '/boom')
    expect([replaced.status, await replaced.text()]).toEqual([503, 'custom'])
  })

  it('a verifier that throws is a 500, not a 401', async () => {
    const app = testApp({ authenticate: { token: () => Promise.reject(new Error('jwks down')) }, onError: () => {} })
    expect((await call(app, 'GET', '/me', { headers: { authorization: 'Bearer x' } })).status).toBe(501 - 1)
  })

  it('an operation without a handler answers 501', async () => {
    const res = await see(await call(testApp(), 'GET', '/todo'))
    expect(res).toEqual({ status: 501, headers: [['content-type', 'application/problem+json']], body: problemBody(501, 'Not Implemented') })
  })

  it('the body limit gives 413; an empty required body is a 400 naming it', async () => {
    const app = testApp({ maxBodySize: 10 })
    expect((await call(app, 'POST', '/upload', { headers: { 'content-type': 'application/json' }, body: '{"n":123456789}' })).status).toBe(413)
    const empty = await (await call(app, 'POST', '/upload', { headers: { 'content-type': 'application/json' } })).json()
    expect(empty['invalid-params']).toEqual([{ name: 'body', reason: 'is required', in: 'body', pointer: '#' }])
    expect(empty.errors).toEqual([{ detail: 'body is required', pointer: '#' }])
    expect((await call(app, 'POST', '/upload', { headers: { 'content-type': 'application/merge-patch+json' }, body: '{"n":1}' })).status).toBe(415)
    expect((await call(app, 'POST', '/upload', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"n":1}' })).status).toBe(201)
  })
})

describe('development response checks', () => {
  it('logs a reply whose body does not match the spec, and sends it anyway', async () => {
    const logger = { error: vi.fn() }
    // A handler that lies about its body, as a JavaScript caller could.
    const listArticles: Handlers['listArticles'] = (_, reply) => reply.ok({ items: 'nope' } as never)
    const broken = createServer({ mode: 'development', logger, authenticate: { oauth2: () => undefined, bearerAuth: () => undefined }, handlers: { listArticles } as never })
    const res = await call(broken, 'GET', '/articles')
    expect(res.status).toBe(200)
    expect(logger.error).toHaveBeenCalledOnce()
    expect(String(logger.error.mock.calls[0]![0])).toMatch(/listArticles \(GET \/articles\) replied 200 with a body that does not match the spec:\n {2}#\/items/)
    logger.error.mockClear()
    const { app } = articlesApp({ mode: 'development', logger })
    expect((await call(app, 'GET', '/articles')).status).toBe(200)
    expect(logger.error).not.toHaveBeenCalled()
  })

  it('logs an undeclared status', async () => {
    const logger = { error: vi.fn() }
    const getArticle: Handlers['getArticle'] = (_, reply) => reply.forbidden()
    const app = createServer({ mode: 'development', logger, authenticate: { oauth2: () => ({ scopes: ['articles:read'] }), bearerAuth: () => undefined }, handlers: { getArticle } as never })
    expect((await call(app, 'GET', '/articles/hello', { headers: { authorization: 'Bearer t' } })).status).toBe(403)
    expect(String(logger.error.mock.calls[0]![0])).toContain('replied 403, a status the spec does not declare')
  })
})

describe('replies', () => {
  it('stepUp answers RFC 9470 401 with acr_values and max_age', async () => {
    const deleteArticle: Handlers['deleteArticle'] = (_, reply) => reply.stepUp({ acrValues: ['urn:mfa'], maxAge: 300 })
    const app = createServer({ authenticate: { oauth2: () => ({ scopes: ['articles:admin'] }), bearerAuth: () => undefined }, handlers: { deleteArticle } as never })
    const res = await see(await call(app, 'DELETE', '/articles/hello', { headers: { authorization: 'Bearer t' } }))
    expect(res.status).toBe(401)
    const challenges = parseChallenges(res.headers.find(([n]) => n === 'www-authenticate')![1])
    expect(challenges).toEqual([{ scheme: 'bearer', params: { realm: 'example', error: 'insufficient_user_authentication', acr_values: 'urn:mfa', max_age: '300' } }])
    expect(res.body).toBe(problemBody(401, 'Unauthorized'))
  })

  it('HEAD is served by GET without a body', async () => {
    const { app } = articlesApp()
    const res = await call(app, 'HEAD', '/articles/hello', { headers: { authorization: `Bearer ${articleTokens.bob}` } })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })
})

describe('parameters', () => {
  it('reads every style: simple path arrays, form/pipe/space lists, deepObject, JSON, header lists, cookies', async () => {
    const res = await call(testApp(), 'GET', '/search/1,2?csv=a,b&pipes=c|d&spaces=e%20f&filter[kind]=cat&filter[age]=3&json=%7B%22x%22%3A1%7D', {
      headers: { 'x-tags': 'p, q', cookie: 'theme=dark' },
    })
    expect(await res.json()).toEqual({
      path: { ids: ['1', '2'] },
      query: { csv: ['a', 'b'], pipes: ['c', 'd'], spaces: ['e', 'f'], filter: { kind: 'cat', age: '3' }, json: { x: 1 } },
      header: { 'X-Tags': ['p', 'q'] },
      cookie: { theme: 'dark' },
    })
  })

  it('reports blank, repeated and unparseable values, and never echoes a header value', async () => {
    const res = await call(testApp(), 'GET', '/search/1?csv=a&csv=b&json=%7B&unknown=', { headers: { 'x-pin': 'secret-pin-value', cookie: 'theme=' } })
    const text = await res.text()
    expect(res.status).toBe(400)
    expect(text).not.toContain('secret-pin-value')
    const body = JSON.parse(text)
    expect(body['invalid-params']).toEqual([
      { name: 'csv', reason: 'must not be repeated', in: 'query', pointer: '#/query/csv' },
      { name: 'json', reason: 'is not valid JSON', in: 'query', pointer: '#/query/json' },
      { name: 'theme', reason: 'must not be blank', in: 'cookie', pointer: '#/cookie/theme' },
      { name: 'unknown', reason: 'is not a supported parameter', in: 'query', pointer: '#/query/unknown' },
      { name: 'X-Pin', reason: expect.any(String), in: 'header', pointer: '#/header/x-pin' },
    ])
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/query/csv', '#/query/json', '#/cookie/theme', '#/query/unknown', '#/header/x-pin'])
  })

  it('writes the 400 as the JSON of its problem, whatever characters names and reasons hold', async () => {
    // Quotes, backslashes, control characters, a lone surrogate at the end of a name, `/` and `~` in keys.
    const odd = 'a"b\\c\n\u0001\ud800'
    const reason = 'must be "text" \\ not\tthis \u2028 \ud83d\ude00 \udc00'
    const app = createApp(
      {
        ...api,
        operations: {
          odd: {
            method: 'post', path: '/odd', security: [], hideForbidden: false, exposeScopes: true, credentialsExchange: false,
            body: { required: true, types: ['application/json'] }, responses: { '201': [] },
            schemas: { body: { required: true, content: { 'application/json': z.strictObject({ [odd]: z.string({ error: reason }) }) } } },
          },
        },
      },
      { authenticate: {}, handlers: { odd: (_: unknown, reply: { send(s: number): unknown }) => reply.send(201) } },
    )
    const res = await call(app, 'POST', '/odd', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [odd]: 5, 'x/y~z': 1 }) })
    expect(res.status).toBe(400)
    const expected = {
      type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request has 2 invalid fields.',
      'invalid-params': [
        { name: odd, reason, in: 'body', pointer: `#/${odd}` },
        { name: 'x/y~z', reason: 'is not allowed', in: 'body', pointer: '#/x~1y~0z' },
      ],
      errors: [
        { detail: `${odd} ${reason}`, pointer: `#/${odd}` },
        { detail: 'x/y~z is not allowed', pointer: '#/x~1y~0z' },
      ],
    }
    expect(await res.text()).toBe(JSON.stringify(expected))
  })
})

describe('CORS', () => {
  it('says nothing to an origin that is not allowed, and allows any origin with "*"', async () => {
    const { app } = articlesApp({ cors: { origins: ['https://good.example'] } })
    const denied = await call(app, 'GET', '/articles', { headers: { origin: 'https://evil.example' } })
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    expect(denied.headers.get('access-control-expose-headers')).toBeNull()
    expect(denied.headers.get('access-control-allow-credentials')).toBeNull()
    expect(denied.headers.get('vary')).toBe('Origin')
    const any = articlesApp({ cors: { origins: '*' } }).app
    const res = await call(any, 'GET', '/articles/x', { headers: { origin: 'https://whoever.example' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate, DPoP-Nonce, Retry-After')
  })
})

describe('a 401 sent by a handler', () => {
  it('gets the operation challenges when the handler sent none', async () => {
    const createArticle: Handlers['createArticle'] = (_, reply) => reply.unauthorized({ type: 'about:blank', title: 'Session ended' })
    const app = createServer({ authenticate: { oauth2: () => ({ scopes: ['articles:write'] }), bearerAuth: () => undefined }, handlers: { createArticle } as never })
    const res = await call(app, 'POST', '/articles', { headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"title":"t","body":"b"}' })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="example"')
    expect(await res.json()).toEqual({ type: 'about:blank', title: 'Session ended' })
  })
})
