// The server emitter over real models: output is deterministic, verifiers follow the credential
// kinds, odd names are quoted, and the emitted table drives the runtime as declared.
import { mkdir, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../../generator/src/generate.js'
import { emitServer } from '../../generator/src/emit/server/index.js'
import { loadModel } from '../../generator/src/model/index.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

describe('emitServer', () => {
  it('is deterministic and matches the committed examples', async () => {
    for (const name of ['articles', 'petstore-keys']) {
      const model = await loadModel(`${root}spec/${name}.yaml`)
      const first = emitServer(model)
      expect(emitServer(await loadModel(`${root}spec/${name}.yaml`))).toBe(first)
      const { readFile } = await import('node:fs/promises')
      const committed = await readFile(`${root}test/generated/${name}/server.ts`, 'utf8')
      expect(committed.endsWith(first)).toBe(true)
    }
  })

  it('gives each scheme the verifier of its credential kind, and principals per security', async () => {
    const out = emitServer(await loadModel(`${root}spec/petstore-keys.yaml`))
    expect(out).toContain('  apiKey: ApiKeyVerifier<P>\n')
    expect(out).toContain('  apiKeyQuery: ApiKeyVerifier<P>\n')
    expect(out).toContain('  session: ApiKeyVerifier<P>\n')
    expect(out).toContain('  basicAuth: BasicVerifier<P>\n')
    expect(out).toContain(`  listPets: paths['/pets']['get']\n`)
    expect(out).toContain(`  getInventory: paths['/store/inventory']['get']\n`)
    // Who may call each operation: public, or an anonymous alternative beside the schemes.
    expect(out).toMatch(/export interface HandlerAccess \{\n[^}]*  listPets: 'none'\n/)
    expect(out).toMatch(/export interface HandlerAccess \{\n[^}]*  getInventory: 'optional'\n/)
    expect(out).toMatch(/export interface HandlerExchange \{\n[^}]*  listPets: false\n/)
    expect(out).toContain('{"name":"species","in":"query","required":false,"style":"form","explode":false,"array":true}')
  })

  describe('odd corners', () => {
    const out = `${root}test/.tmp/server-odd/`
    let source = ''
    beforeAll(async () => {
      await mkdir(out, { recursive: true })
      const result = await generate({ spec: `${root}test/fixtures/server/odd.yaml`, out })
      source = result.files.find((f) => f.path === 'server.ts')!.content
    })
    afterAll(() => rm(out, { recursive: true, force: true }))

    it('leaves out verifiers nobody can use: mutualTLS and unused schemes', () => {
      expect(source).toMatch(/export interface Authenticators<P extends Principal = Principal> \{\n {2}\/\*\* `token` \(http\) gets the bearer token\. \*\/\n {2}token: BearerVerifier<P>\n\}/)
      expect(source).not.toContain('cert:')
      expect(source).not.toContain('unused')
    })

    it('records parameter shapes: deepObject objects, JSON content, secrets', () => {
      expect(source).toContain('{"name":"filter","in":"query","required":false,"style":"deepObject","explode":true,"object":true}')
      expect(source).toContain('{"name":"where","in":"query","required":false,"style":"form","explode":true,"object":true,"json":true}')
      expect(source).toContain('{"name":"X-Secret","in":"header","required":false,"style":"simple","explode":false,"secret":true}')
      expect(source).toContain('"responses":{"2XX":[]}')
    })

    it('runs: deepObject and JSON parameters parsed, default responses sendable, text bodies sent as text', async () => {
      const mod = (await import(`${out}server.ts`)) as typeof import('./odd-server-shape.js')
      const app = mod.createServer({
        authenticate: { token: (t: string) => (t === 'ok' ? { scopes: ['read'] } : undefined) },
        handlers: {
          getThing: ({ params }: { params: { path: unknown; query: unknown } }, reply: { send(s: number, b: unknown): unknown }) => reply.send(200, { params }),
          putThing: (_: unknown, reply: { send(s: number): unknown }) => reply.send(204),
          plainText: (_: unknown, reply: { ok(b: string): unknown }) => reply.ok('hello'),
        },
      })
      const res = await app.fetch(new Request('http://x/things/a%20b?filter[color]=red&where=%7B%22n%22%3A2%7D', { headers: { authorization: 'Bearer ok' } }))
      expect(await res.json()).toEqual({ params: { path: { 'thing-id': 'a b' }, query: { filter: { color: 'red' }, where: { n: 2 } }, header: {}, cookie: {} } })
      const text = await app.fetch(new Request('http://x/plain'))
      expect([text.headers.get('content-type'), await text.text()]).toEqual(['text/plain', 'hello'])
      // mutualTLS cannot be read from HTTP: the operation is unreachable, never open.
      const put = await app.fetch(new Request('http://x/things/a', { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } }))
      expect(put.status).toBe(401)
    })
  })
})
