import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../../../generator/src/model/types.js'
import { generate, modelOf, operationOf } from './harness.js'

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

describe('cycles', () => {
  it('validates a recursive tree through z.lazy', async () => {
    const { componentSchemas, source } = await generate(
      modelOf({
        schemas: {
          Node: {
            type: 'object',
            required: ['value'],
            properties: { value: { type: 'integer' }, children: { type: 'array', items: ref('Node') } },
          },
        },
      }),
      'tree',
    )
    const tree = { value: 1, children: [{ value: 2, children: [{ value: 3 }] }, { value: 4 }] }
    expect(componentSchemas.Node!.parse(tree)).toEqual(tree)
    expect(componentSchemas.Node!.safeParse({ value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] }).success).toBe(false)
    expect(source).toContain("const NodeSchema = $lazy(NodeSchema$)")
  })

  it('validates mutual recursion, whatever the declaration order', async () => {
    const { componentSchemas } = await generate(
      modelOf({
        schemas: {
          Person: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, employer: ref('Company') } },
          Company: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, ceo: ref('Person') } },
          Holder: { type: 'object', properties: { person: ref('Person') } },
        },
      }),
      'mutual',
    )
    const value = { name: 'a', employer: { title: 'c', ceo: { name: 'b', employer: { title: 'd' } } } }
    expect(componentSchemas.Person!.parse(value)).toEqual(value)
    expect(componentSchemas.Company!.safeParse({ title: 'c', ceo: { employer: { title: 'd' } } }).success).toBe(false)
    expect(componentSchemas.Holder!.safeParse({ person: { name: 1 } }).success).toBe(false)
  })

  it('handles a cycle through allOf and a discriminated union', async () => {
    const { componentSchemas } = await generate(
      modelOf({
        schemas: {
          Expr: {
            oneOf: [ref('Literal'), ref('Sum')],
            discriminator: { propertyName: 'kind' },
          },
          Literal: { type: 'object', required: ['kind', 'value'], properties: { kind: { const: 'lit' }, value: { type: 'number' } } },
          Sum: {
            allOf: [
              { type: 'object', required: ['kind'], properties: { kind: { const: 'sum' } } },
              { type: 'object', required: ['terms'], properties: { terms: { type: 'array', items: ref('Expr') } } },
            ],
          },
        },
      }),
      'expr-cycle',
    )
    const expr = { kind: 'sum', terms: [{ kind: 'lit', value: 1 }, { kind: 'sum', terms: [{ kind: 'lit', value: 2 }] }] }
    expect(componentSchemas.Expr!.parse(expr)).toEqual(expr)
    expect(componentSchemas.Expr!.safeParse({ kind: 'sum', terms: [{ kind: 'lit', value: 'x' }] }).success).toBe(false)
  })
})

describe('discriminators', () => {
  const pets = (catKind: JsonSchema): Record<string, JsonSchema> => ({
    Pet: { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'petType' } },
    Cat: { type: 'object', required: ['petType', 'meows'], properties: { petType: catKind, meows: { type: 'boolean' } } },
    Dog: { type: 'object', required: ['petType', 'barks'], properties: { petType: { type: 'string', enum: ['dog'] }, barks: { type: 'boolean' } } },
  })

  it('uses z.discriminatedUnion when every branch has a literal discriminator', async () => {
    const { componentSchemas, source } = await generate(modelOf({ schemas: pets({ const: 'cat' }) }), 'pets')
    expect(source).toContain("$z.discriminatedUnion('petType'")
    const pet = componentSchemas.Pet!
    expect(pet.safeParse({ petType: 'cat', meows: true }).success).toBe(true)
    expect(pet.safeParse({ petType: 'dog', barks: false }).success).toBe(true)
    expect(pet.safeParse({ petType: 'cat', barks: true }).success).toBe(false)
    expect(pet.safeParse({ petType: 'fish' }).success).toBe(false)
  })

  it('falls back to a union when a branch has no literal (and still validates)', async () => {
    const { componentSchemas, source } = await generate(modelOf({ schemas: pets({ type: 'string' }) }), 'pets-fallback')
    expect(source).not.toContain('$z.discriminatedUnion(')
    expect(componentSchemas.Pet!.safeParse({ petType: 'cat', meows: true }).success).toBe(true)
    expect(componentSchemas.Pet!.safeParse({ petType: 'cat' }).success).toBe(false)
  })

  it('falls back to a union when discriminator values overlap', async () => {
    const { componentSchemas, source } = await generate(modelOf({ schemas: pets({ enum: ['cat', 'dog'] }) }), 'pets-overlap')
    expect(source).not.toContain('$z.discriminatedUnion(')
    expect(componentSchemas.Pet!.safeParse({ petType: 'dog', barks: true }).success).toBe(true)
  })

  it('sees the discriminator through allOf inheritance', async () => {
    const { source, componentSchemas } = await generate(
      modelOf({
        schemas: {
          Base: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, id: { type: 'string' } } },
          A: { allOf: [ref('Base'), { properties: { kind: { enum: ['a'] }, a: { type: 'integer' } } }] },
          B: { allOf: [ref('Base'), { properties: { kind: { enum: ['b'] } } }] },
          AorB: { oneOf: [ref('A'), ref('B')], discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A' } } },
        },
      }),
      'inheritance',
    )
    expect(source).toContain("$z.discriminatedUnion('kind'")
    expect(componentSchemas.AorB!.safeParse({ kind: 'a', a: 1 }).success).toBe(true)
    expect(componentSchemas.AorB!.safeParse({ kind: 'a', a: 'x' }).success).toBe(false)
    expect(componentSchemas.AorB!.safeParse({ kind: 'c' }).success).toBe(false)
  })
})

describe('readOnly and writeOnly', () => {
  const schemas: Record<string, JsonSchema> = {
    User: {
      type: 'object',
      required: ['id', 'name', 'password'],
      properties: {
        id: { type: 'string', readOnly: true },
        name: { type: 'string' },
        password: { type: 'string', writeOnly: true },
      },
    },
    Team: { type: 'object', required: ['members'], properties: { members: { type: 'array', items: ref('User') } } },
    Color: { type: 'string', enum: ['red'] },
    Account: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' }, secret: { type: 'string', writeOnly: true } },
    },
  }
  const model = modelOf({
    schemas,
    operations: [
      operationOf('createTeam', {
        body: { required: true, content: { 'application/json': ref('Team') } },
        responses: { '201': { 'application/json': ref('Team') }, default: { 'application/json': ref('Color') } },
      }),
      operationOf('putAccount', {
        body: { required: true, content: { 'application/json': ref('Account') } },
        responses: { '200': { 'application/json': ref('Account') } },
      }),
      operationOf('updateUser', {
        body: { content: { 'application/json': ref('User'), 'text/plain': undefined } },
        responses: { '200': { 'application/json': { type: 'array', items: ref('User') } } },
      }),
    ],
  })

  it('drops readOnly from requests and writeOnly from responses, through refs', async () => {
    const { operationSchemas } = await generate(model, 'visibility')
    const request = operationSchemas.createTeam!.body!.content['application/json']!
    expect(request.parse({ members: [{ name: 'a', password: 'p' }] })).toEqual({ members: [{ name: 'a', password: 'p' }] })
    // A client-sent readOnly id neither is required nor reaches the handler.
    expect(request.parse({ members: [{ id: 'x', name: 'a', password: 'p' }] })).toEqual({ members: [{ name: 'a', password: 'p' }] })
    expect(request.safeParse({ members: [{ name: 'a' }] }).success).toBe(false)

    const response = operationSchemas.createTeam!.responses['201']!['application/json']!
    expect(response.parse({ members: [{ id: '1', name: 'a' }] })).toEqual({ members: [{ id: '1', name: 'a' }] })
    // A writeOnly password never leaks into a validated response.
    expect(response.parse({ members: [{ id: '1', name: 'a', password: 'secret' }] })).toEqual({ members: [{ id: '1', name: 'a' }] })
    expect(response.safeParse({ members: [{ name: 'a' }] }).success).toBe(false)

    const list = operationSchemas.updateUser!.responses['200']!['application/json']!
    expect(list.parse([{ id: '1', name: 'a', password: 'p' }])).toEqual([{ id: '1', name: 'a' }])
  })

  it('keeps closed objects closed in requests and strips writeOnly from their responses', async () => {
    const { operationSchemas } = await generate(model, 'visibility-closed')
    const request = operationSchemas.putAccount!.body!.content['application/json']!
    expect(request.parse({ name: 'a', secret: 's' })).toEqual({ name: 'a', secret: 's' })
    expect(request.safeParse({ id: '1', name: 'a' }).success).toBe(false)
    expect(request.safeParse({ name: 'a', extra: 1 }).success).toBe(false)
    const response = operationSchemas.putAccount!.responses['200']!['application/json']!
    expect(response.parse({ id: '1', name: 'a', secret: 's' })).toEqual({ id: '1', name: 'a' })
  })

  it('keeps the plain component whole and emits variants only where needed', async () => {
    const { componentSchemas, operationSchemas, source } = await generate(model, 'visibility-variants')
    expect(componentSchemas.User!.safeParse({ name: 'a' }).success).toBe(false)
    expect(componentSchemas.User!.parse({ id: '1', name: 'a', password: 'p' })).toEqual({ id: '1', name: 'a', password: 'p' })
    expect(source).toMatch(/const UserRequestSchema\b/)
    expect(source).toMatch(/const TeamResponseSchema\b/)
    expect(source).not.toMatch(/ColorRequestSchema|ColorResponseSchema/)
    expect(operationSchemas.updateUser!.body).toMatchObject({ required: false })
    expect(Object.keys(operationSchemas.updateUser!.body!.content)).toEqual(['application/json'])
    expect(Object.keys(operationSchemas.createTeam!.responses)).toEqual(['201', 'default'])
  })
})

describe('shared subschemas', () => {
  it('declares a repeated inline object once and validates it everywhere it is used', async () => {
    const owner: JsonSchema = {
      type: 'object',
      required: ['login', 'id'],
      properties: {
        login: { type: 'string', minLength: 1 },
        id: { type: 'integer' },
        url: { type: 'string', format: 'uri' },
        site_admin: { type: 'boolean', default: false },
        avatar_url: { type: 'string', format: 'uri' },
        type: { type: 'string', enum: ['User', 'Bot', 'Organization'] },
      },
    }
    const { componentSchemas, source } = await generate(
      modelOf({
        schemas: {
          Issue: { type: 'object', required: ['user'], properties: { user: owner, assignee: owner } },
          Repo: { type: 'object', properties: { owner, forks: { type: 'array', items: owner } } },
        },
      }),
      'shared',
    )
    expect(source.match(/\blogin: /g)).toHaveLength(1)
    const user = { login: 'octocat', id: 1 }
    expect(componentSchemas.Issue!.parse({ user })).toEqual({ user: { ...user, site_admin: false } })
    expect(componentSchemas.Issue!.safeParse({}).success).toBe(false)
    expect(componentSchemas.Issue!.safeParse({ user, assignee: { login: '' } }).success).toBe(false)
    expect(componentSchemas.Repo!.parse({})).toEqual({})
    expect(componentSchemas.Repo!.safeParse({ forks: [user, { id: 'x' }] }).success).toBe(false)
  })
})

describe('operations whose own schemas are written the same', () => {
  const body = (extra: JsonSchema) => ({ content: { 'application/json': { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, extra } } as JsonSchema } })
  const model = modelOf({
    operations: [
      operationOf('createOne', { body: body({ type: 'integer' }) }),
      operationOf('createTwo', { body: body({ type: 'integer' }) }),
      operationOf('createThree', { body: body({ type: 'boolean' }) }),
    ],
  })

  it('share one schema, declared once, that validates for each of them', async () => {
    const { operationSchemas, source } = await generate(model, 'merged-bodies')
    const one = operationSchemas.createOne!.body!.content['application/json']!
    const two = operationSchemas.createTwo!.body!.content['application/json']!
    const three = operationSchemas.createThree!.body!.content['application/json']!
    expect(two).toBe(one)
    expect(three).not.toBe(one)
    // One builder for the two alike bodies; the third, used once, written into its entry.
    expect(source.match(/^function \w+\$\(\): \$Schema \{$/gm)).toHaveLength(1)
    expect(source.match(/extra: \$z\.boolean\(\)/g)).toHaveLength(1)
    expect(one.safeParse({ name: 'a', extra: 1 }).success).toBe(true)
    expect(one.safeParse({ name: '', extra: 1 }).success).toBe(false)
    expect(three.safeParse({ name: 'a', extra: 1 }).success).toBe(false)
    expect(three.safeParse({ name: 'a', extra: true }).success).toBe(true)
  })
})
