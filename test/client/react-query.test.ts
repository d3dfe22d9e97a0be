// @vitest-environment happy-dom
// One React component with useQuery over query.ts, rendered in a DOM (happy-dom),
// calling the generated articles server on 127.0.0.1 across origins (CORS).
import type { Principal } from '@gatehouse/server'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, createElement as h } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { createQueries, type QueryErrorOf } from '../generated/articles/query.js'
import { startArticlesApi, type RunningApi } from '../e2e/support/articles-app.js'

// React's act() warns unless told it runs in a test environment.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const principals: Record<string, Principal> = { 'bob-token': { subject: 'bob', scopes: ['articles:read'] } }
let api: RunningApi
beforeAll(async () => {
  api = await startArticlesApi({ oauth2: async (t) => principals[t], bearerAuth: async (t) => principals[t] }, { cors: { origins: [location.origin] } })
})
afterAll(() => api?.close())

/** Shows the article's title, or what the failure says: the scopes of a 403, the scheme of a 401. */
function Article({ queries, id }: { queries: ReturnType<typeof createQueries>; id: string }) {
  const q = useQuery(queries.getArticle.queryOptions({ params: { path: { id } } }))
  expectTypeOf(q.error).toEqualTypeOf<QueryErrorOf<'getArticle'> | null>()
  if (q.isPending) return h('p', null, 'loading')
  if (q.error) {
    const r = q.error.result
    if (r.status === 401) return h('p', { role: 'alert' }, `sign in (${r.challenges.map((c) => c.scheme).join()})`)
    if (r.status === 403) return h('p', { role: 'alert' }, `missing ${r.requiredScopes.join(' ')}`)
    return h('p', { role: 'alert' }, `failed: ${r.status}`)
  }
  return h('h1', null, q.data.title)
}

async function render(token: string | undefined, id: string): Promise<{ container: HTMLElement; root: Root }> {
  const queries = createQueries(createClient({ baseUrl: api.baseUrl, ...(token && { auth: { oauth2: token } }) }))
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => root.render(h(QueryClientProvider, { client }, h(Article, { queries, id }))))
  return { container, root }
}

async function settled(container: HTMLElement): Promise<string> {
  for (let i = 0; i < 200 && container.textContent === 'loading'; i++) await act(() => new Promise((r) => setTimeout(r, 10)))
  return container.textContent ?? ''
}

describe('useQuery in a React component (happy-dom)', () => {
  it('renders the data, then a typed 401 failure from the query cache', async () => {
    const signedIn = await render('bob-token', 'hello')
    expect(await settled(signedIn.container)).toBe('Hello')
    signedIn.root.unmount()

    const anonymous = await render(undefined, 'hello')
    expect(await settled(anonymous.container)).toBe('sign in (bearer)')
    anonymous.root.unmount()
  })
})
