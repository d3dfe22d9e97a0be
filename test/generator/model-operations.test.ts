import { describe, expect, it } from 'vitest'
import { GatehouseError } from '../../generator/src/errors.js'
import { deriveName, sanitizeName } from '../../generator/src/model/names.js'
import { modelOf } from './helpers.js'

const ok = { '200': { description: 'ok' } }

describe('operation names', () => {
  it.each([
    ['getArticle', 'getArticle'],
    ['repos/get-content', 'reposGetContent'],
    ['GET_users', 'getUsers'],
    ['ListPets', 'listPets'],
    ['users.list', 'usersList'],
    ['2fa-enable', '_2faEnable'],
    ['delete', 'delete_'],
    ['meta/root', 'metaRoot'],
    ['---', 'operation'],
  ])('sanitizeName(%j) = %j', (raw, name) => {
    expect(sanitizeName(raw)).toBe(name)
  })

  it.each([
    ['get', '/articles/{id}', 'getArticlesById'],
    ['post', '/articles', 'postArticles'],
    ['get', '/', 'get'],
    ['delete', '/repos/{owner}/{repo}/git/refs/{ref}', 'deleteReposByOwnerByRepoGitRefsByRef'],
    ['get', '/v1/user.json', 'getV1UserJson'],
  ])('deriveName(%s, %s) = %s', (method, path, name) => {
    expect(deriveName(method, path)).toBe(name)
  })

  it('resolves collisions deterministically: operationIds first, then derived names, each clash reported', async () => {
    const model = await modelOf({
      paths: {
        '/a': { get: { responses: ok } }, // derives getA, but an operationId below claims it
        '/b': { get: { operationId: 'getA', responses: ok }, post: { operationId: 'get-a', responses: ok } },
        '/c': { get: { operationId: 'getC', responses: ok } },
      },
    })
    expect(model.operations.map((o) => [o.method, o.path, o.name])).toEqual([
      ['get', '/a', 'getA3'],
      ['get', '/b', 'getA'],
      ['post', '/b', 'getA2'],
      ['get', '/c', 'getC'],
    ])
    expect(model.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['operation-name-collision', '/paths/~1b/post'],
      ['operation-name-collision', '/paths/~1a/get'],
    ])
  })

  it('lists operations in path order, then in HTTP_METHODS order', async () => {
    const model = await modelOf({ paths: { '/z': { post: { responses: ok }, get: { responses: ok } }, '/a': { delete: { responses: ok }, put: { responses: ok } } } })
    expect(model.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['get /z', 'post /z', 'put /a', 'delete /a'])
  })
})

describe('parameters', () => {
  it('merges path-item and operation parameters (operation wins) with per-location defaults', async () => {
    const model = await modelOf({
      paths: {
        '/items/{id}': {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', description: 'path level', schema: { type: 'integer' } },
          ],
          get: {
            parameters: [
              { name: 'limit', in: 'query', required: true, description: 'operation level', schema: { type: 'integer' } },
              { name: 'tags', in: 'query', style: 'pipeDelimited', schema: { type: 'array', items: { type: 'string' } } },
              { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
              { name: 'session', in: 'cookie', schema: { type: 'string' } },
              { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
              { $ref: '#/components/parameters/Page' },
            ],
            responses: ok,
          },
        },
      },
      components: { parameters: { Page: { name: 'page', in: 'query', explode: false, deprecated: true, schema: { type: 'integer' } } } },
    })
    const p = model.operations[0]!.parameters
    expect(p.path).toEqual([expect.objectContaining({ name: 'id', required: true, style: 'simple', explode: false, pointer: '/paths/~1items~1{id}/parameters/0' })])
    expect(p.query.map((q) => [q.name, q.required, q.style, q.explode, q.description ?? null])).toEqual([
      ['limit', true, 'form', true, 'operation level'],
      ['tags', false, 'pipeDelimited', false, null],
      ['filter', false, 'form', true, null],
      ['page', false, 'form', false, null],
    ])
    expect(p.query[2]).toMatchObject({ contentType: 'application/json', schema: { type: 'object' } })
    expect(p.query[3]).toMatchObject({ deprecated: true, pointer: '/components/parameters/Page' })
    expect(p.header).toEqual([expect.objectContaining({ name: 'X-Trace', style: 'simple', explode: false })])
    expect(p.cookie).toEqual([expect.objectContaining({ name: 'session', style: 'form', explode: true })])
  })
})

describe('bodies and responses', () => {
  it('dereferences request bodies, responses and headers but keeps schema refs', async () => {
    const model = await modelOf({
      paths: {
        '/a': {
          post: {
            requestBody: { $ref: '#/components/requestBodies/NewThing' },
            responses: {
              '201': { description: 'created', headers: { Location: { $ref: '#/components/headers/Location' } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '4xx': { $ref: '#/components/responses/Problem' },
              default: { description: 'anything else' },
            },
          },
        },
      },
      components: {
        schemas: { Thing: { type: 'object' } },
        requestBodies: { NewThing: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } }, 'text/plain': {} } } },
        headers: { Location: { required: true, schema: { type: 'string', format: 'uri' } } },
        responses: { Problem: { description: 'problem', content: { 'application/problem+json': { schema: { type: 'object' } } } } },
      },
    })
    const op = model.operations[0]!
    expect(op.requestBody).toEqual({
      required: true,
      pointer: '/components/requestBodies/NewThing',
      content: [
        { type: 'application/json', schema: { $ref: '#/components/schemas/Thing' }, pointer: '/components/requestBodies/NewThing/content/application~1json' },
        { type: 'text/plain', pointer: '/components/requestBodies/NewThing/content/text~1plain' },
      ],
    })
    expect(op.responses.map((r) => r.status)).toEqual(['201', '4XX', 'default'])
    expect(op.responses[0]!.headers).toEqual([{ name: 'Location', required: true, schema: { type: 'string', format: 'uri' } }])
    expect(op.responses[1]).toMatchObject({ description: 'problem', pointer: '/components/responses/Problem', content: [{ type: 'application/problem+json' }] })
    expect(model.schemas).toEqual([{ name: 'Thing', schema: { type: 'object' }, pointer: '/components/schemas/Thing' }])
  })

  it('dereferences path items and reads the operation metadata', async () => {
    const model = await modelOf({
      paths: { '/a': { $ref: '#/components/pathItems/A' } },
      components: { pathItems: { A: { get: { operationId: 'a', summary: 's', description: 'd', tags: ['t'], deprecated: true, responses: ok } } } },
    })
    expect(model.operations[0]).toMatchObject({ name: 'a', operationId: 'a', path: '/a', summary: 's', description: 'd', tags: ['t'], deprecated: true })
  })

  it('records the document header fields', async () => {
    const model = await modelOf({ info: { title: 'T', version: '9' } }, '3.0.2')
    expect([model.openapiVersion, model.title, model.version]).toEqual(['3.0', 'T', '9'])
  })
})

describe('spec mistakes', () => {
  const one = (path: string, parameters: unknown[]) => ({ paths: { [path]: { get: { parameters, responses: { '200': { description: 'ok' } } } } } })
  it.each([
    ['a template expression without its parameter', one('/teams/{team}', [{ name: 'teamId', in: 'path', required: true, schema: { type: 'string' } }]), /\{team\} has no path parameter named "team" \(its path parameters: teamId\)/],
    ['a path parameter missing from the template', one('/teams', [{ name: 'team', in: 'path', required: true }]), /path parameter "team" does not occur in the path template/],
    ['a path parameter without required: true', one('/teams/{team}', [{ name: 'team', in: 'path' }]), /path parameter "team" must be `required: true`/],
    ['an unknown type, nested in a component', { paths: {}, components: { schemas: { A: { type: 'object', properties: { b: { oneOf: [{ type: 'strin' }] } } } } } }, /unknown schema type "strin" \(did you mean "string"\?\)/],
  ])('%s stops the model (generate exits 2)', async (_title, doc, message) => {
    const error = await modelOf(doc).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatehouseError)
    expect((error as GatehouseError).message).toMatch(message)
  })
})
