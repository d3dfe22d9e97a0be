// Which credentials each operation sends (petstore-keys: apiKey header/query/cookie, Basic, OR, AND).
import { encodeBasicCredentials } from '@gatehouse/http-auth'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createClient } from '../generated/petstore-keys/client.js'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer((req, res) => json(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? { id: 1, name: 'Rex', species: 'dog' } : {}))
})
afterAll(() => server.close())

// The client encodes Basic itself (bundle size); it must send http-auth's bytes.
const basic = (u: string, p: string) => 'Basic ' + encodeBasicCredentials(u, p)
const last = () => server.seen.at(-1)!

describe('credentials by security requirement', () => {
  it('AND: Basic and the header API key together', async () => {
    const api = createClient({ baseUrl: server.url, auth: { basicAuth: { username: 'staff', password: 'pässword' }, apiKey: 'k-123' } })
    await api.createPet({ body: { name: 'Rex', species: 'dog' } })
    expect(last().headers.authorization).toBe(basic('staff', 'pässword'))
    expect(last().headers['x-api-key']).toBe('k-123')
  })

  it('AND not satisfiable: nothing is sent, the server decides', async () => {
    const api = createClient({ baseUrl: server.url, auth: { apiKey: 'k-123' } })
    await api.createPet({ body: { name: 'Rex', species: 'dog' } })
    expect(last().headers.authorization).toBeUndefined()
    expect(last().headers['x-api-key']).toBeUndefined()
  })

  it.each([
    ['header key first', { apiKey: 'h', apiKeyQuery: 'q', basicAuth: { username: 'u', password: 'p' } }, { header: 'h' }],
    ['query key when no header key', { apiKeyQuery: 'q&r', basicAuth: { username: 'u', password: 'p' } }, { query: 'q&r' }],
    ['Basic when no key', { basicAuth: { username: 'u', password: 'p' } }, { basic: basic('u', 'p') }],
  ] as const)('OR: the first alternative with credentials (%s)', async (_name, auth, expected) => {
    const api = createClient({ baseUrl: server.url, auth })
    await api.getPet({ params: { path: { petId: 7 } } })
    const seen = last()
    const url = new URL(seen.url, server.url)
    expect(url.pathname).toBe('/pets/7')
    expect(seen.headers['x-api-key']).toBe('header' in expected ? expected.header : undefined)
    expect(url.searchParams.get('api_key')).toBe('query' in expected ? expected.query : null)
    expect(seen.headers.authorization).toBe('basic' in expected ? expected.basic : undefined)
  })

  it('cookie API key, on an operation that also allows anonymous callers', async () => {
    const api = createClient({ baseUrl: server.url, auth: { session: 's=1' } })
    await api.getInventory()
    expect(last().headers.cookie).toBe('SESSION=s=1')
    const anonymous = createClient({ baseUrl: server.url })
    await anonymous.getInventory()
    expect(last().headers.cookie).toBeUndefined()
  })

  it('public operations send nothing; query style form/explode=false joins with commas', async () => {
    const api = createClient({ baseUrl: server.url, auth: { apiKey: 'k' } })
    await api.listPets({ params: { query: { limit: 2, species: ['cat', 'dog'] } } })
    expect(last().url).toBe('/pets?limit=2&species=cat,dog')
    expect(last().headers['x-api-key']).toBeUndefined()
  })

  it('a token source is asked for every request; header params and client headers are merged', async () => {
    let n = 0
    const getToken = vi.fn(() => `k${++n}`)
    const api = createClient({ baseUrl: server.url, auth: { apiKey: { getToken } }, headers: { 'X-Client': 'test' } })
    await api.getPet({ params: { path: { petId: 1 }, header: { 'X-Request-Id': '3c1e4f0a-0000-4000-8000-000000000000' } } })
    await api.getPet({ params: { path: { petId: 1 } }, headers: { 'x-client': 'override' } })
    expect(server.seen.slice(-2).map((s) => s.headers['x-api-key'])).toEqual(['k1', 'k2'])
    expect(server.seen.at(-2)!.headers['x-request-id']).toBe('3c1e4f0a-0000-4000-8000-000000000000')
    expect(server.seen.slice(-2).map((s) => s.headers['x-client'])).toEqual(['test', 'override'])
  })

  it('an API key source with refresh is renewed after a 401 whose challenge is not a bearer one', async () => {
    let calls = 0
    server.route = (req, res) => {
      calls++
      if (req.headers['x-api-key'] !== 'new') return json(res, 401, {}, { 'www-authenticate': 'ApiKey realm="pets"' })
      json(res, 200, { id: 1, name: 'Rex', species: 'dog' })
    }
    const refresh = vi.fn(async () => 'new')
    const api = createClient({ baseUrl: server.url, auth: { apiKey: { getToken: () => 'old', refresh } } })
    const r = await api.getPet({ params: { path: { petId: 1 } } })
    expect(r.status).toBe(200)
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(calls).toBe(2)
  })
})
