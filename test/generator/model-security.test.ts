import { describe, expect, it } from 'vitest'
import { GatehouseError } from '../../generator/src/errors.js'
import { credentialKind } from '../../generator/src/model/credential.js'
import type { ResolvedSecurity, SecurityScheme } from '../../generator/src/model/types.js'
import { modelOf, oneOperation } from './helpers.js'

const schemes = {
  oauth2: {
    type: 'oauth2',
    flows: {
      authorizationCode: { authorizationUrl: 'https://a/authorize', tokenUrl: 'https://a/token', scopes: { read: 'r', write: 'w' } },
      clientCredentials: { tokenUrl: 'https://a/token', scopes: { admin: 'a' } },
    },
  },
  bearer: { type: 'http', scheme: 'Bearer', bearerFormat: 'JWT' },
  basic: { type: 'http', scheme: 'basic' },
  key: { type: 'apiKey', in: 'header', name: 'X-Key' },
  oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://a/.well-known/openid-configuration' },
}

type Case = { name: string; root?: unknown; op?: unknown; version?: string; expect: ResolvedSecurity }

const cases: Case[] = [
  { name: 'nothing declared anywhere → public', expect: { alternatives: [], public: true, optional: false, source: 'none' } },
  {
    name: 'root default applies to an operation without security',
    root: [{ bearer: [] }],
    expect: { alternatives: [{ schemes: [{ scheme: 'bearer', scopes: [] }] }], public: false, optional: false, source: 'root' },
  },
  {
    name: 'operation security overrides the root',
    root: [{ bearer: [] }],
    op: [{ oauth2: ['write'] }],
    expect: { alternatives: [{ schemes: [{ scheme: 'oauth2', scopes: ['write'] }] }], public: false, optional: false, source: 'operation' },
  },
  {
    name: '`security: []` on the operation makes it public despite the root',
    root: [{ bearer: [] }],
    op: [],
    expect: { alternatives: [], public: true, optional: false, source: 'operation' },
  },
  {
    name: '`security: []` at the root makes everything public',
    root: [],
    expect: { alternatives: [], public: true, optional: false, source: 'root' },
  },
  {
    name: '`{}` alternative: anonymous allowed, credentials still accepted',
    op: [{}, { bearer: [] }],
    expect: { alternatives: [{ schemes: [] }, { schemes: [{ scheme: 'bearer', scopes: [] }] }], public: false, optional: true, source: 'operation' },
  },
  {
    name: 'schemes in one requirement are AND-ed, in order',
    op: [{ key: [], oauth2: ['read', 'write'] }],
    expect: {
      alternatives: [{ schemes: [{ scheme: 'key', scopes: [] }, { scheme: 'oauth2', scopes: ['read', 'write'] }] }],
      public: false,
      optional: false,
      source: 'operation',
    },
  },
  {
    name: 'requirements are OR-ed, in order',
    op: [{ oauth2: ['admin'] }, { basic: [] }, { oidc: ['openid'] }],
    expect: {
      alternatives: [
        { schemes: [{ scheme: 'oauth2', scopes: ['admin'] }] },
        { schemes: [{ scheme: 'basic', scopes: [] }] },
        { schemes: [{ scheme: 'oidc', scopes: ['openid'] }] },
      ],
      public: false,
      optional: false,
      source: 'operation',
    },
  },
  {
    name: 'OpenAPI 3.1 role names on a non-oauth2 scheme are kept as scopes',
    op: [{ bearer: ['editor', 'admin'] }],
    expect: { alternatives: [{ schemes: [{ scheme: 'bearer', scopes: ['editor', 'admin'] }] }], public: false, optional: false, source: 'operation' },
  },
]

describe('security resolution', () => {
  it.each(cases)('$name', async ({ root, op, version, expect: expected }) => {
    const model = await modelOf(
      {
        ...(root === undefined ? {} : { security: root }),
        paths: oneOperation(op === undefined ? {} : { security: op }),
        components: { securitySchemes: schemes },
      },
      version,
    )
    expect(model.operations[0]!.security).toEqual(expected)
    expect(model.diagnostics).toEqual([])
  })

  it('warns (does not fail) on a scope that no oauth2 flow declares', async () => {
    const model = await modelOf({ paths: oneOperation({ security: [{ oauth2: ['read', 'delete'] }] }), components: { securitySchemes: schemes } })
    expect(model.operations[0]!.security.alternatives[0]!.schemes[0]!.scopes).toEqual(['read', 'delete'])
    expect(model.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'undeclared-scope', pointer: '/paths/~1x/get/security/0/oauth2' })])
    expect(model.diagnostics[0]!.message).toContain('"delete"')
  })

  it('resolves the root security once: an inherited undeclared scope warns once, at /security', async () => {
    const ok = { '200': { description: 'ok' } }
    const model = await modelOf({
      security: [{ oauth2: ['delete'] }],
      paths: { '/x': { get: { responses: ok }, post: { responses: ok } }, '/y': { get: { responses: ok } } },
      components: { securitySchemes: schemes },
    })
    expect(model.operations.map((o) => o.security.source)).toEqual(['root', 'root', 'root'])
    expect(model.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['undeclared-scope', '/security/0/oauth2']])
  })

  it('warns on role names with a non-oauth2 scheme in OpenAPI 3.0', async () => {
    const model = await modelOf({ paths: oneOperation({ security: [{ key: ['admin'] }] }), components: { securitySchemes: schemes } }, '3.0.3')
    expect(model.diagnostics.map((d) => d.code)).toEqual(['roles-in-3.0'])
  })

  it.each([
    ['operation', { paths: oneOperation({ security: [{ bearer: [] }, { nope: [] }] }) }, '/paths/~1x/get/security/1/nope'],
    ['root', { security: [{ nope: [] }], paths: oneOperation() }, '/security/0/nope'],
  ])('fails on a scheme the document does not declare (%s)', async (_where, doc, pointer) => {
    const error = await modelOf({ ...doc, components: { securitySchemes: schemes } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatehouseError)
    expect((error as GatehouseError).code).toBe('undeclared-scheme')
    expect((error as GatehouseError).site.pointer).toBe(pointer)
    expect((error as GatehouseError).site.line).toBeGreaterThan(1)
    expect((error as GatehouseError).message).toContain('"nope"')
  })
})

describe('security schemes', () => {
  it('reads every scheme type with its details, normalizing the http scheme name', async () => {
    const model = await modelOf({ components: { securitySchemes: schemes } })
    expect(model.schemes.map((s) => s.name)).toEqual(['oauth2', 'bearer', 'basic', 'key', 'oidc'])
    expect(model.schemes[1]).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    expect(model.schemes[3]).toMatchObject({ type: 'apiKey', in: 'header', parameterName: 'X-Key' })
    expect(model.schemes[0]).toMatchObject({
      type: 'oauth2',
      flows: [
        { kind: 'authorizationCode', authorizationUrl: 'https://a/authorize', tokenUrl: 'https://a/token', scopes: { read: 'r', write: 'w' } },
        { kind: 'clientCredentials', tokenUrl: 'https://a/token', scopes: { admin: 'a' } },
      ],
    })
  })

  it.each([
    [{ type: 'http', scheme: 'bearer' }, 'bearer'],
    [{ type: 'http', scheme: 'basic' }, 'basic'],
    [{ type: 'http', scheme: 'digest' }, 'unsupported'],
    [{ type: 'oauth2', flows: [] }, 'bearer'],
    [{ type: 'openIdConnect', openIdConnectUrl: '' }, 'bearer'],
    [{ type: 'apiKey', in: 'query', parameterName: 'k' }, 'apiKey'],
    [{ type: 'mutualTLS' }, 'unsupported'],
  ])('credentialKind(%j) = %s', (scheme, kind) => {
    expect(credentialKind({ name: 's', pointer: '', ...scheme } as SecurityScheme)).toBe(kind)
  })

  it('takes the realm from the scheme, else from the root', async () => {
    const model = await modelOf({
      'x-realm': 'root-realm',
      components: { securitySchemes: { a: { type: 'http', scheme: 'bearer', 'x-realm': 'own' }, b: { type: 'http', scheme: 'bearer' } } },
    })
    expect(model.realm).toBe('root-realm')
    expect(model.schemes.map((s) => s.realm)).toEqual(['own', 'root-realm'])
  })

  it('has no realm when none is declared', async () => {
    const model = await modelOf({ components: { securitySchemes: { a: { type: 'http', scheme: 'bearer' } } } })
    expect(model.realm).toBeUndefined()
    expect(model.schemes[0]!.realm).toBeUndefined()
  })

  it('follows a $ref to a scheme', async () => {
    const model = await modelOf({
      components: { securitySchemes: { a: { $ref: '#/components/x-shared/s' } }, 'x-shared': { s: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    })
    expect(model.schemes[0]).toMatchObject({ name: 'a', type: 'apiKey', in: 'cookie', parameterName: 'sid' })
  })
})

describe('gatehouse extensions', () => {
  const paths = {
    '/a': {
      get: { operationId: 'plain', responses: { '200': { description: 'ok' } } },
      post: { operationId: 'exchange', 'x-credentials-exchange': true, responses: { '200': { description: 'ok' } } },
      put: { operationId: 'hidden', 'x-hide-forbidden': true, 'x-expose-scopes': true, responses: { '200': { description: 'ok' } } },
      delete: { operationId: 'secret', 'x-expose-scopes': false, responses: { '200': { description: 'ok' } } },
    },
  }
  const flags = (model: Awaited<ReturnType<typeof modelOf>>) =>
    Object.fromEntries(model.operations.map((o) => [o.name, [o.hideForbidden, o.exposeScopes, o.credentialsExchange]]))

  it('reads x-hide-forbidden, x-expose-scopes (default true) and x-credentials-exchange per operation', async () => {
    const model = await modelOf({ paths })
    expect(model.exposeScopes).toBe(true)
    expect(flags(model)).toEqual({ plain: [false, true, false], exchange: [false, true, true], hidden: [true, true, false], secret: [false, false, false] })
  })

  it('a root x-expose-scopes: false is the default that operations may override', async () => {
    const model = await modelOf({ 'x-expose-scopes': false, paths })
    expect(model.exposeScopes).toBe(false)
    expect(flags(model)).toEqual({ plain: [false, false, false], exchange: [false, false, true], hidden: [true, true, false], secret: [false, false, false] })
  })
})
