// Handler and reply typing, checked by the root tsc (`npm run typecheck`); the runtime part only
// confirms the helpers exist. A wrong status or body must be a compile error.
import type { OperationSchemas, Principal, Replied } from '@gatehouse/server'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { HandlerContext, Handlers, ServerOptions, ServerReply } from '../generated/articles/server.js'
import { createServer } from '../generated/articles/server.js'
import { operationSchemas } from '../generated/articles/schemas.js'
import type { components } from '../generated/articles/types.js'
import { operationSchemas as petSchemas } from '../generated/petstore-keys/schemas.js'
import type { Handlers as PetHandlers } from '../generated/petstore-keys/server.js'

type Article = components['schemas']['Article']

describe('handler typing', () => {
  it('gives each operation its params, body and principal', () => {
    expectTypeOf<HandlerContext<'createArticle'>['body']>().toEqualTypeOf<Article>()
    expectTypeOf<HandlerContext<'createArticle'>['principal']>().toEqualTypeOf<Principal>()
    expectTypeOf<HandlerContext<'listArticles'>['principal']>().toEqualTypeOf<Principal | undefined>()
    expectTypeOf<HandlerContext<'authorize'>['principal']>().toEqualTypeOf<undefined>()
    expectTypeOf<HandlerContext<'getArticle'>['params']['path']>().toEqualTypeOf<{ id: string }>()
    expectTypeOf<HandlerContext<'listArticles'>['params']['query']['tag']>().toEqualTypeOf<string[] | undefined>()
    expectTypeOf<HandlerContext<'getArticle'>['body']>().toEqualTypeOf<undefined>()
    expectTypeOf<Parameters<PetHandlers['getPet']>[0]['params']['path']['petId']>().toEqualTypeOf<number>()
    expectTypeOf<Parameters<PetHandlers['getPet']>[0]['params']['header']['X-Request-Id']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<HandlerContext<'getArticle'>['request']>().toEqualTypeOf<Request>()
  })

  it('offers reply helpers only for declared statuses', () => {
    expectTypeOf<ServerReply<'createArticle'>['created']>().parameter(0).toEqualTypeOf<Article>()
    expectTypeOf<ReturnType<ServerReply<'createArticle'>['created']>>().toEqualTypeOf<Replied<201>>()
    expectTypeOf<ReturnType<ServerReply<'deleteArticle'>['noContent']>>().toEqualTypeOf<Replied<204>>()
    expectTypeOf<ServerReply<'getArticle'>>().toHaveProperty('hidden')
    expectTypeOf<ServerReply<'getArticle'>>().toHaveProperty('forbidden')
    expectTypeOf<ServerReply<'getArticle'>>().toHaveProperty('stepUp')
    expectTypeOf<ServerReply<'getArticle'>>().not.toHaveProperty('created')
    expectTypeOf<ServerReply<'createArticle'>>().not.toHaveProperty('ok')
    expectTypeOf<ServerReply<'authorize'>>().toHaveProperty('invalidGrant')
    expectTypeOf<ServerReply<'createArticle'>>().not.toHaveProperty('invalidGrant')
  })

  it('rejects undeclared statuses, wrong bodies and missing handlers at compile time', () => {
    const ok: Handlers['getArticle'] = (_, reply) => reply.ok({ title: 't', body: 'b', status: 'draft' })
    // @ts-expect-error getArticle declares no 201
    const undeclared: Handlers['getArticle'] = (_, reply) => reply.created({ title: 't', body: 'b', status: 'draft' })
    // @ts-expect-error the body lacks the required `title`
    const wrongBody: Handlers['getArticle'] = (_, reply) => reply.ok({ body: 'b', status: 'draft' })
    // @ts-expect-error 418 is not a declared status of createArticle
    const teapot: Handlers['createArticle'] = (_, reply) => reply.send(418, {})
    // @ts-expect-error a raw Response bypasses the declared statuses
    const raw: Handlers['deleteArticle'] = () => new Response(null, { status: 200 })
    // @ts-expect-error a reply of another operation carries another status
    const borrowed: Handlers['deleteArticle'] = () => ({}) as Replied<200>
    const sendDeclared: Handlers['createArticle'] = (_, reply) => reply.send(201, { title: 't', body: 'b', status: 'draft' }, { headers: { location: '/articles/t' } })
    const noContent: Handlers['deleteArticle'] = (_, reply) => reply.noContent({ headers: { 'x-trace': '1' } })
    const exchange: Handlers['authorize'] = (_, reply) => reply.invalidClient('unknown client')
    expect([ok, undeclared, wrongBody, teapot, raw, borrowed, sendDeclared, noContent, exchange]).toHaveLength(9)

    const options = {
      authenticate: { oauth2: () => undefined, bearerAuth: () => undefined },
      handlers: { authorize: exchange, createArticle: sendDeclared, getArticle: ok, deleteArticle: noContent },
    }
    // @ts-expect-error listArticles has no handler
    const missing: ServerOptions = options
    expect(missing).toBe(options)
    // @ts-expect-error bearerAuth has no verifier
    createServer({ ...options, authenticate: { oauth2: () => undefined }, handlers: { ...options.handlers, listArticles: (_, r) => r.ok({ items: [] }) } })
  })

  it('keeps schemas.ts assignable to the table server.ts casts it to', () => {
    // server.ts casts `operationSchemas` (assigning costs tsc ~100k instantiations on GitHub); this is the check.
    const articles: Readonly<Record<string, OperationSchemas>> = operationSchemas
    const pets: Readonly<Record<string, OperationSchemas>> = petSchemas
    expect(Object.keys(articles)).toContain('createArticle')
    expect(Object.keys(pets)).toContain('getPet')
  })

  it('types a principal richer than the default', () => {
    interface Staff extends Principal {
      department: string
    }
    createServer<Staff>({
      authenticate: { oauth2: () => ({ scopes: [], department: 'news' }), bearerAuth: () => undefined },
      handlers: {
        authorize: (_, reply) => reply.invalidGrant(),
        listArticles: ({ principal }, reply) => {
          expectTypeOf(principal).toEqualTypeOf<Staff | undefined>()
          return reply.ok({ items: [] })
        },
        createArticle: ({ principal, body }, reply) => {
          expectTypeOf(principal.department).toBeString()
          return reply.created(body, { headers: { location: '/articles/t' } })
        },
        getArticle: (_, reply) => reply.hidden(),
        deleteArticle: (_, reply) => reply.forbidden(),
      },
    })
  })
})
