// The client.ts emitter: table-driven helpers, determinism, and what the output may import.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { credentialBinder } from '../../generator/src/emit/client/credentials.js'
import { encodingOf } from '../../generator/src/emit/client/encodings.js'
import { rawName } from '../../generator/src/emit/client/names.js'
import { clientEmitter } from '../../generator/src/emit/client/index.js'
import { queryEmitter } from '../../generator/src/emit/query/index.js'
import { emittersFor } from '../../generator/src/emit/index.js'
import { loadModel } from '../../generator/src/model/index.js'
import { resolveOptions } from '../../generator/src/options.js'
import type { Operation, Parameter, SecurityScheme } from '../../generator/src/model/types.js'

const spec = (name: string) => fileURLToPath(new URL(`../../spec/${name}`, import.meta.url))

function op(over: Partial<Operation> = {}, query: Partial<Parameter>[] = []): Operation {
  return {
    name: 'op',
    method: 'get',
    path: '/x',
    pointer: '',
    tags: [],
    deprecated: false,
    parameters: {
      path: [],
      header: [],
      cookie: [],
      query: query.map((q) => ({ name: 'q', in: 'query', required: false, style: 'form', explode: true, allowReserved: false, deprecated: false, pointer: '', ...q })),
    },
    responses: [],
    security: { alternatives: [], public: true, optional: false, source: 'none' },
    hideForbidden: false,
    exposeScopes: true,
    credentialsExchange: false,
    ...over,
  }
}
const body = (...types: string[]) => ({ required: true, content: types.map((type) => ({ type, pointer: '' })), pointer: '' })

describe('encodingOf', () => {
  it.each([
    ['no body, default query', op({}, [{}]), undefined],
    ['JSON body', op({ requestBody: body('application/json') }), undefined],
    ['+json body', op({ requestBody: body('application/merge-patch+json') }), undefined],
    ['form body first', op({ requestBody: body('application/x-www-form-urlencoded', 'application/json') }), { body: 'application/x-www-form-urlencoded' }],
    ['multipart', op({ requestBody: body('multipart/form-data') }), { body: 'multipart/form-data' }],
    ['explode false', op({}, [{ name: 'ids', explode: false }]), { query: { ids: ['form', false] } }],
    ['pipeDelimited', op({}, [{ name: 'p', style: 'pipeDelimited', explode: false }]), { query: { p: ['pipeDelimited', false] } }],
    ['deepObject', op({}, [{ name: 'f', style: 'deepObject', explode: true }]), { query: { f: ['deepObject', true] } }],
  ])('%s', (_name, operation, expected) => {
    expect(encodingOf(operation)).toEqual(expected)
  })
})

describe('credentialBinder', () => {
  const base = { name: 's', pointer: '' }
  it.each<[string, SecurityScheme, string | undefined]>([
    ['http bearer', { ...base, type: 'http', scheme: 'bearer' }, 'bearerCredential'],
    ['http bearer with a bearerFormat', { ...base, type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearerCredential'],
    ['oauth2', { ...base, type: 'oauth2', flows: [] }, 'bearerCredential'],
    ['openIdConnect', { ...base, type: 'openIdConnect', openIdConnectUrl: 'https://as.example/.well-known/openid-configuration' }, 'bearerCredential'],
    ['http basic', { ...base, type: 'http', scheme: 'basic' }, 'basicCredential'],
    ['apiKey in a header', { ...base, type: 'apiKey', in: 'header', parameterName: 'X-API-Key' }, "apiKeyCredential('header', 'X-API-Key')"],
    ['apiKey in the query, a name to escape', { ...base, type: 'apiKey', in: 'query', parameterName: "it's" }, "apiKeyCredential('query', 'it\\'s')"],
    ['apiKey in a cookie', { ...base, type: 'apiKey', in: 'cookie', parameterName: 'SESSION' }, "apiKeyCredential('cookie', 'SESSION')"],
    ['http digest: not sent by the client', { ...base, type: 'http', scheme: 'digest' }, undefined],
    ['mutualTLS: not sent by the client', { ...base, type: 'mutualTLS' }, undefined],
  ])('%s', (_name, scheme, expected) => {
    expect(credentialBinder(scheme)).toBe(expected)
  })

  it('client.ts imports the binders of its spec\'s kinds only', async () => {
    const emitted = async (name: string) => clientEmitter.emit(await loadModel(spec(name)), resolveOptions({ spec: spec(name), out: 'unused' }))
    const runtimeImports = (text: string) => text.match(/^import \{ (.*) \} from '@gatehouse\/client'$/m)![1]!.split(', ').filter((n) => !n.startsWith('type '))
    expect(runtimeImports(await emitted('articles.yaml'))).toEqual(['bearerCredential', 'createRuntimeClient'])
    expect(runtimeImports(await emitted('petstore-keys.yaml'))).toEqual(['apiKeyCredential', 'basicCredential', 'createRuntimeClient'])
  })
})

describe('rawName', () => {
  it('is raw unless an operation has that name', () => {
    expect(rawName([op({ name: 'getThing' })])).toBe('raw')
    expect(rawName([op({ name: 'raw' })])).toBe('$raw')
    expect(rawName([op({ name: 'raw' }), op({ name: '$raw' })])).toBe('$$raw')
  })
})

describe('client.ts', () => {
  it('is deterministic, starts with the generated header, and never imports zod statically', async () => {
    const model = await loadModel(spec('articles.yaml'))
    const options = resolveOptions({ spec: spec('articles.yaml'), out: 'unused' })
    const a = await clientEmitter.emit(model, options)
    const b = await clientEmitter.emit(await loadModel(spec('articles.yaml')), options)
    expect(a).toBe(b)
    expect(a.startsWith('// Generated by gatehouse from articles.yaml')).toBe(true)
    const imports = [...a.matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1])
    expect(imports).toEqual(['@gatehouse/client', './security.js', './types.js'])
    expect(a).not.toMatch(/from 'zod'/)
    // One method per operation, typed from `paths`, and the credentials-exchange note on `authorize`.
    for (const o of model.operations) expect(a).toContain(`${o.name}: OperationMethod<paths['${o.path}']['${o.method}']>`)
    expect(a).toMatch(/Credentials exchange[^\n]*\n\s*\*\/\n\s*authorize:/)
  })
})

describe('query.ts', () => {
  it('imports nothing at run time but @gatehouse/client (the client only as a type), the same for any spec', async () => {
    const articles = spec('articles.yaml')
    const pets = spec('petstore-keys.yaml')
    const a = await queryEmitter.emit(await loadModel(articles), resolveOptions({ spec: articles, out: 'unused' }))
    const b = await queryEmitter.emit(await loadModel(pets), resolveOptions({ spec: pets, out: 'unused' }))
    const imports = [...a.matchAll(/^import (type )?.* from '([^']+)'/gm)].map((m) => [m[2], Boolean(m[1])])
    expect(imports).toEqual([
      ['@gatehouse/client', false],
      ['./client.js', true],
    ])
    const body = (s: string) => s.replace(/^\/\/.*\n/gm, '').replace(/ \* TanStack Query v5 options for every operation of [^:]+:/, '')
    expect(body(a)).toBe(body(b))
    expect(a).toContain('export function createQueries(api: Client): Queries<Client>')
  })

  it('is written with the client target (and all), never with the server target', () => {
    expect(emittersFor('client').map((e) => e.file)).toContain('query.ts')
    expect(emittersFor('all').map((e) => e.file)).toContain('query.ts')
    expect(emittersFor('server').map((e) => e.file)).not.toContain('query.ts')
  })
})
