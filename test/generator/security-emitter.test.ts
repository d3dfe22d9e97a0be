import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { emitSecurity } from '../../generator/src/emit/security.js'
import { modelOf, oneOperation } from './helpers.js'

const tmp = fileURLToPath(new URL('../.tmp/security-emitter/', import.meta.url))

/** Writes the emitted module and imports it, so the test checks what TypeScript code evaluates to. */
async function evaluate(source: string, name: string): Promise<Record<string, unknown>> {
  await mkdir(tmp, { recursive: true })
  const file = `${tmp}${name}.ts`
  await writeFile(file, source)
  return (await import(/* @vite-ignore */ file)) as Record<string, unknown>
}

describe('security.ts', () => {
  it('describes every scheme and every operation as plain data, with no imports', async () => {
    const model = await modelOf({
      'x-realm': 'main',
      security: [{ oauth: ['read'] }],
      paths: {
        ...oneOperation(),
        '/login': { post: { operationId: 'login', security: [], 'x-credentials-exchange': true, responses: { '200': { description: 'ok' } } } },
        '/mine/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          get: { operationId: 'getMine', security: [{}, { 'api key': [], basic: [] }], 'x-hide-forbidden': true, 'x-expose-scopes': false, responses: { '200': { description: 'ok' } } },
        },
      },
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', 'x-realm': "it's", flows: { clientCredentials: { tokenUrl: '/token', scopes: { read: 'r', write: 'w' } } } },
          'api key': { type: 'apiKey', in: 'query', name: 'key' },
          basic: { type: 'http', scheme: 'basic' },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id/.well-known/openid-configuration' },
          mtls: { type: 'mutualTLS' },
        },
      },
    })
    const source = emitSecurity(model)
    expect(source).not.toMatch(/^import /m)
    const mod = await evaluate(source, 'full')
    expect(mod.realm).toBe('main')
    expect(mod.securitySchemes).toEqual({
      oauth: { type: 'oauth2', credential: 'bearer', realm: "it's", flows: { clientCredentials: { tokenUrl: '/token', scopes: ['read', 'write'] } } },
      'api key': { type: 'apiKey', credential: 'apiKey', in: 'query', name: 'key', realm: 'main' },
      basic: { type: 'http', scheme: 'basic', credential: 'basic', realm: 'main' },
      oidc: { type: 'openIdConnect', credential: 'bearer', realm: 'main', openIdConnectUrl: 'https://id/.well-known/openid-configuration' },
      mtls: { type: 'mutualTLS', credential: 'unsupported', realm: 'main' },
    })
    expect(mod.operationSecurity).toEqual({
      getX: { method: 'get', path: '/x', security: [[{ scheme: 'oauth', scopes: ['read'] }]], hideForbidden: false, exposeScopes: true, credentialsExchange: false },
      login: { method: 'post', path: '/login', security: [], hideForbidden: false, exposeScopes: true, credentialsExchange: true },
      getMine: {
        method: 'get',
        path: '/mine/{id}',
        security: [[], [{ scheme: 'api key', scopes: [] }, { scheme: 'basic', scopes: [] }]],
        hideForbidden: true,
        exposeScopes: false,
        credentialsExchange: false,
      },
    })
  })

  it('exports an undefined realm when the document declares none', async () => {
    const model = await modelOf({ paths: oneOperation() })
    const mod = await evaluate(emitSecurity(model), 'bare')
    expect(mod.realm).toBeUndefined()
    expect(mod.securitySchemes).toEqual({})
    expect(Object.keys(mod.operationSecurity as object)).toEqual(['getX'])
  })
})
