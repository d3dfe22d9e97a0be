// Item 8 of issue 12: the generated client and the generated server agree on `invalidParams`.
// The same failing requests go to the generated articles server over 127.0.0.1, once raw (what the
// server said) and once through the generated client (what the caller reads): one entry per failure,
// named as the spec names the parameter or field, with where (`in`) and the pointer.
import type { Principal } from '@gatehouse/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { startArticlesApi, type RunningApi } from '../e2e/support/articles-app.js'

const mary: Principal = { subject: 'mary', scopes: ['articles:read', 'articles:write', 'articles:admin'] }
let api: RunningApi
beforeAll(async () => {
  const verify = async (token: string) => (token === 'mary-token' ? mary : undefined)
  api = await startArticlesApi({ oauth2: verify, bearerAuth: verify })
})
afterAll(() => api?.close())

const client = () => createClient({ baseUrl: api.baseUrl, auth: { oauth2: 'mary-token' }, retry: false })

interface ServerBody {
  'invalid-params': { name: string; reason: string; in: string; pointer: string }[]
  errors: { detail: string; pointer: string }[]
}

/** What the server itself answers to the request, read without the client. */
async function serverSays(path: string, init: RequestInit = {}): Promise<ServerBody> {
  const res = await fetch(api.baseUrl + path, { ...init, headers: { authorization: 'Bearer mary-token', ...(init.headers as Record<string, string>) } })
  expect(res.status).toBe(400)
  return (await res.json()) as ServerBody
}

// Each case: the raw request, the same request through the client, and the (name, in, pointer) triples expected.
const cases: {
  title: string
  raw: [string, RequestInit?]
  call: (c: ReturnType<typeof client>) => Promise<{ status: number }>
  expected: [name: string, where: string, pointer: string][]
}[] = [
  {
    title: '?limit=999 (over the maximum)',
    raw: ['/articles?limit=999'],
    call: (c) => c.listArticles({ params: { query: { limit: 999 } } }),
    expected: [['limit', 'query', '#/query/limit']],
  },
  {
    title: '?limit=0&status=gone (two query failures)',
    raw: ['/articles?limit=0&status=gone'],
    call: (c) => c.listArticles({ params: { query: { limit: 0, status: 'gone' as 'draft' } } }),
    expected: [['limit', 'query', '#/query/limit'], ['status', 'query', '#/query/status']],
  },
  {
    title: 'an unknown query parameter',
    raw: ['/articles?sort=asc'],
    call: (c) => c.listArticles({ params: { query: { sort: 'asc' } as {} } }),
    expected: [['sort', 'query', '#/query/sort']],
  },
  {
    title: 'a path parameter against its pattern',
    raw: ['/articles/NOT_VALID'],
    call: (c) => c.getArticle({ params: { path: { id: 'NOT_VALID' } } }),
    expected: [['id', 'path', '#/path/id']],
  },
  {
    title: 'body fields: one missing, one of the wrong type',
    raw: ['/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'x', tags: [1] }) }],
    call: (c) => c.createArticle({ body: { body: 'x', tags: [1] } as never }),
    expected: [['title', 'body', '#/title'], ['tags[0]', 'body', '#/tags/0']],
  },
]

describe('invalidParams: one entry per failure, the same at both ends', () => {
  for (const { title, raw, call, expected } of cases) {
    it(title, async () => {
      const server = await serverSays(...raw)
      const r = await call(client())
      if (r.status !== 400) throw new Error(`unexpected ${r.status}`)
      const { invalidParams } = r as unknown as { invalidParams: { name: string; reason: string; in?: string; pointer?: string }[] }

      // The server names each failure once in each form, and says where.
      expect(server['invalid-params'].map((p) => [p.name, p.in, p.pointer])).toEqual(expected)
      expect(server.errors.map((e) => e.pointer)).toEqual(expected.map(([, , pointer]) => pointer))
      // The client reads exactly those entries: no second entry per failure from `errors`.
      expect(invalidParams.map((p) => [p.name, p.in, p.pointer])).toEqual(expected)
      expect(invalidParams.map((p) => p.reason)).toEqual(server['invalid-params'].map((p) => p.reason))
    })
  }
})
