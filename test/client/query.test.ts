// query.ts with @tanstack/query-core's QueryClient in Node, against the generated
// articles server on 127.0.0.1: data on success, ResultError (typed by status) on
// failure, the query's AbortSignal reaching fetch, keys that invalidate.
import type { Principal } from '@gatehouse/server'
import { CancelledError, MutationObserver, QueryClient } from '@tanstack/query-core'
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { ResultError, type Challenge, type InvalidParam } from '@gatehouse/client'
import { createClient } from '../generated/articles/client.js'
import { createQueries, type QueryErrorOf } from '../generated/articles/query.js'
import type { components } from '../generated/articles/types.js'
import { startArticlesApi, type RunningApi } from '../e2e/support/articles-app.js'
import { startServer, type TestServer } from './support/server.js'

const principals: Record<string, Principal> = {
  'mary-token': { subject: 'mary', scopes: ['articles:read', 'articles:write', 'articles:admin'] },
  'bob-token': { subject: 'bob', scopes: ['articles:read'] },
}
let api: RunningApi
let slow: TestServer
beforeAll(async () => {
  const verify = async (token: string) => principals[token]
  api = await startArticlesApi({ oauth2: verify, bearerAuth: verify })
  // Never answers: only an abort ends its requests.
  slow = await startServer(() => new Promise(() => {}))
})
afterAll(async () => {
  await api?.close()
  await slow?.close()
})

let queryClient: QueryClient
afterEach(() => queryClient?.clear())
const setup = (token?: string, fetch?: typeof globalThis.fetch) => {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return createQueries(createClient({ baseUrl: api.baseUrl, ...(token && { auth: { oauth2: token } }), ...(fetch && { fetch }) }))
}
const draft = { title: 'Draft', body: 'Only Mary sees it', status: 'draft' as const }

/** The rejection of `p`, which must reject. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (v) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(v)}`)
    },
    (e: unknown) => e,
  )
}

describe('createQueries with @tanstack/query-core', () => {
  it('fetchQuery resolves to the success data, cached under queryKey(input)', async () => {
    const queries = setup('bob-token')
    const input = { params: { path: { id: 'hello' } } }
    const article = await queryClient.fetchQuery(queries.getArticle.queryOptions(input))
    expectTypeOf(article).toEqualTypeOf<components['schemas']['Article']>()
    expect(article).toMatchObject({ id: 'hello', title: 'Hello', owner: 'mary' })
    expect(queryClient.getQueryData(queries.getArticle.queryKey(input))).toEqual(article)
    expect(queries.getArticle.queryKey(input)).toEqual(['getArticle', input])
  })

  it('403 rejects with a ResultError whose result narrows to requiredScopes', async () => {
    const queries = setup('bob-token')
    const mutation = new MutationObserver(queryClient, queries.createArticle.mutationOptions())
    const error = await rejection(mutation.mutate({ body: draft }))
    expect(error).toBeInstanceOf(ResultError)
    expectTypeOf(mutation.getCurrentResult().error).toEqualTypeOf<QueryErrorOf<'createArticle'> | null>()
    const e = error as QueryErrorOf<'createArticle'>
    expect(e.operation).toBe('createArticle')
    if (e.result.status !== 403) throw new Error(`unexpected ${e.result.status}`)
    expectTypeOf(e.result.requiredScopes).toEqualTypeOf<string[]>()
    expect(e.result.requiredScopes).toEqual(['articles:write'])
    expect(mutation.getCurrentResult().error).toBe(error)
  })

  it('401 rejects with the parsed challenges; 400 with the invalid parameters', async () => {
    const anonymous = setup()
    const unauthorized = (await rejection(queryClient.fetchQuery(anonymous.getArticle.queryOptions({ params: { path: { id: 'hello' } } })))) as QueryErrorOf<'getArticle'>
    if (unauthorized.result.status !== 401) throw new Error(`unexpected ${unauthorized.result.status}`)
    expectTypeOf(unauthorized.result.challenges).toEqualTypeOf<Challenge[]>()
    // @ts-expect-error -- requiredScopes belongs to the 403 member
    void unauthorized.result.requiredScopes
    expect(unauthorized.result.challenges).toEqual([{ scheme: 'bearer', params: { realm: 'example' } }])

    const mary = setup('mary-token')
    const bad = (await rejection(queryClient.fetchQuery(mary.listArticles.queryOptions({ params: { query: { limit: 0 } } })))) as QueryErrorOf<'listArticles'>
    if (bad.result.status !== 400) throw new Error(`unexpected ${bad.result.status}`)
    expectTypeOf(bad.result.invalidParams).toEqualTypeOf<InvalidParam[]>()
    expect(bad.result.invalidParams.length).toBeGreaterThan(0)
    expect(bad.result.invalidParams.every((p) => /limit/.test(p.name))).toBe(true)
  })

  it("a mutation's success resolves to the created body", async () => {
    const queries = setup('mary-token')
    const created = await new MutationObserver(queryClient, queries.createArticle.mutationOptions()).mutate({ body: { ...draft, title: 'Via mutation' } })
    expect(created).toMatchObject({ title: 'Via mutation', owner: 'mary' })
    expect(queries.createArticle.mutationOptions().mutationKey).toEqual(['createArticle'])
  })

  it("the query's signal reaches fetch: cancelQueries aborts the request", async () => {
    const signals: (AbortSignal | null | undefined)[] = []
    queryClient = new QueryClient()
    const queries = createQueries(
      createClient({
        baseUrl: slow.url,
        fetch: (url, init) => {
          signals.push(init.signal)
          return fetch(url, init)
        },
      }),
    )
    const pending = queryClient.fetchQuery(queries.listArticles.queryOptions())
    while (slow.seen.length === 0) await new Promise((r) => setTimeout(r, 5))
    await queryClient.cancelQueries({ queryKey: queries.listArticles.queryKey() })
    expect(await rejection(pending)).toBeInstanceOf(CancelledError)
    expect(signals).toHaveLength(1)
    expect(signals[0]?.aborted).toBe(true)
  })

  it('queryKey() without input matches every query of the operation, and only those', async () => {
    const queries = setup('mary-token')
    await queryClient.fetchQuery(queries.getArticle.queryOptions({ params: { path: { id: 'hello' } } }))
    await queryClient.fetchQuery(queries.listArticles.queryOptions())
    await queryClient.invalidateQueries({ queryKey: queries.getArticle.queryKey() }, { cancelRefetch: false })
    const states = queryClient.getQueryCache().getAll().map((q) => [q.queryKey[0], q.state.isInvalidated])
    expect(states.sort()).toEqual([
      ['getArticle', true],
      ['listArticles', false],
    ])
  })

  it('extra options pass through; wrong inputs do not compile', () => {
    const queries = setup('mary-token')
    const options = queries.getArticle.queryOptions({ params: { path: { id: 'x' } } }, { staleTime: 1000 })
    expect(options.staleTime).toBe(1000)
    // @ts-expect-error -- getArticle requires its path parameter
    queries.getArticle.queryOptions()
    // @ts-expect-error -- no such parameter
    queries.getArticle.queryOptions({ params: { path: { slug: 'x' } } })
    // @ts-expect-error -- raw is not an operation
    void queries.raw
    expect(Object.keys(queries).sort()).toEqual(['authorize', 'createArticle', 'deleteArticle', 'getArticle', 'listArticles'])
  })
})
