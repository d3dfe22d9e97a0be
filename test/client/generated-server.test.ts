// The generated client against the generated server (test/generated/articles) on 127.0.0.1.
import type { Principal } from '@gatehouse/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { startArticlesApi, type RunningApi } from '../e2e/support/articles-app.js'

const principals: Record<string, Principal> = {
  'mary-token': { subject: 'mary', scopes: ['articles:read', 'articles:write', 'articles:admin'] },
  'bob-token': { subject: 'bob', scopes: ['articles:read'] },
}
let api: RunningApi
beforeAll(async () => {
  const verify = async (token: string) => principals[token]
  api = await startArticlesApi({ oauth2: verify, bearerAuth: verify })
})
afterAll(() => api?.close())

const client = (token?: string) => createClient({ baseUrl: api.baseUrl, ...(token && { auth: { oauth2: token } }) })
const draft = { title: 'Draft', body: 'Only Mary sees it', status: 'draft' as const }

describe('generated client ⇄ generated server', () => {
  it('201 for Mary, 403 with the required scope for Bob, 401 with a bare challenge for Janet', async () => {
    const created = await client('mary-token').createArticle({ body: draft })
    expect(created.status).toBe(201)
    if (created.status === 201) expect(created.data.owner).toBe('mary')

    const bob = await client('bob-token').createArticle({ body: draft })
    if (bob.status !== 403) throw new Error(`unexpected ${bob.status}`)
    expect(bob.requiredScopes).toEqual(['articles:write'])

    const janet = await client().createArticle({ body: draft })
    if (janet.status !== 401) throw new Error(`unexpected ${janet.status}`)
    expect(janet.challenges).toEqual([{ scheme: 'bearer', params: { realm: 'example' } }])
    expect(janet.bearer).toBeUndefined()
    expect(janet.reauthSkipped).toBe('not-renewable')
  })

  it("someone else's draft is 404 for Bob, not 403", async () => {
    const created = await client('mary-token').createArticle({ body: draft })
    if (created.status !== 201) throw new Error(`unexpected ${created.status}`)
    const r = await client('bob-token').getArticle({ params: { path: { id: created.data.id! } } })
    expect(r.status).toBe(404)
  })

  it('400 lists the invalid parameters, after credentials pass', async () => {
    const r = await client('mary-token').createArticle({ body: { ...draft, title: '' } })
    if (r.status !== 400) throw new Error(`unexpected ${r.status}`)
    expect(r.invalidParams.length).toBeGreaterThan(0)
    expect(r.invalidParams.some((p) => /title/.test(p.name + (p.pointer ?? '')))).toBe(true)
  })

  it('refresh storm against the real server: 50 concurrent calls with a revoked token → 1 refresh, 50 successes', async () => {
    let token = 'revoked'
    const refresh = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 30))
      return (token = 'mary-token')
    })
    const c = createClient({ baseUrl: api.baseUrl, auth: { oauth2: { getToken: () => token, refresh } } })
    const results = await Promise.all(Array.from({ length: 50 }, () => c.getArticle({ params: { path: { id: 'hello' } } })))
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200))
  })
})
