// The generated server and toNodeHandler can come from two copies of @gatehouse/server (two
// installs, or tsconfig `paths` to src/ beside a built dist/). The node:http fast path must be
// taken anyway, and an app that speaks another protocol version must be reported, never served
// slowly in silence.
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createApp, Outgoing, toNodeHandler, type ApiDefinition, type App } from '@gatehouse/server'
import { z } from 'zod'
import { afterAll, describe, expect, it } from 'vitest'
import { sendRaw } from './scenarios.js'

const copyDir = fileURLToPath(new URL(`../.tmp/server-copy-${process.pid}/`, import.meta.url))
rmSync(copyDir, { recursive: true, force: true })
mkdirSync(copyDir, { recursive: true })
cpSync(fileURLToPath(new URL('../../packages/server/src/', import.meta.url)), copyDir, { recursive: true })
afterAll(() => rmSync(copyDir, { recursive: true, force: true }))
// A second module graph: its own classes, its own module-level state.
const copy = (await import(/* @vite-ignore */ `${copyDir}index.ts`)) as typeof import('@gatehouse/server')

const api: ApiDefinition = {
  schemes: { key: { type: 'apiKey', credential: 'apiKey', in: 'header', name: 'X-Key' } },
  operations: {
    echo: {
      method: 'post', path: '/echo', security: [[{ scheme: 'key', scopes: [] }]], hideForbidden: false, exposeScopes: true, credentialsExchange: false,
      body: { required: true, types: ['application/json'] }, responses: { '200': ['application/json'] },
      schemas: { body: { required: true, content: { 'application/json': z.object({ n: z.number() }).strict() } } },
    },
  },
}
const options = {
  maxBodySize: 64,
  authenticate: { key: (key: string) => (key === 'k' ? { scopes: [] } : undefined) },
  handlers: { echo: ({ body }: { body: unknown }, reply: { ok(b: unknown): unknown }) => reply.ok(body) },
} as never

async function serve(handler: RequestListener, run: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(handler)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  } finally {
    await new Promise<void>((r) => server.close(() => r()))
  }
}

/** Counts calls of `app.fetch`: the slow path goes through it, the direct node:http path never does. */
function countFetch(app: App): { calls: number } {
  const counter = { calls: 0 }
  const fetch = app.fetch.bind(app)
  app.fetch = (request) => (counter.calls++, fetch(request))
  return counter
}

describe('toNodeHandler with an app from another copy of @gatehouse/server', () => {
  it('is a real second copy (its classes differ)', () => {
    expect(copy.createApp).not.toBe(createApp)
    expect(new copy.Outgoing(200, [], null)).not.toBeInstanceOf(Outgoing)
  })

  it('takes the direct path and answers 200, 400, 401 and 413 as one copy would', async () => {
    const app = copy.createApp(api, options)
    const fetched = countFetch(app)
    await serve(toNodeHandler(app), async (url) => {
      const json = { 'content-type': 'application/json' }
      const ok = await sendRaw(url, 'POST', '/echo', { ...json, 'x-key': 'k' }, '{"n":1}')
      expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { n: 1 }])
      expect(ok.headers).toContainEqual(['content-length', '7'])
      const bad = await sendRaw(url, 'POST', '/echo', { ...json, 'x-key': 'k' }, '{"n":"one","m":2}')
      expect(bad.status).toBe(400)
      expect(JSON.parse(bad.body)['invalid-params']).toEqual([
        { name: 'n', reason: 'Invalid input: expected number, received string', in: 'body', pointer: '#/n' },
        { name: 'm', reason: 'is not allowed', in: 'body', pointer: '#/m' },
      ])
      expect((await sendRaw(url, 'POST', '/echo', json, '{"n":1}')).status).toBe(401)
      // The body limit is thrown by this copy's reader and recognized by the other copy's pipeline.
      const big = await sendRaw(url, 'POST', '/echo', { ...json, 'x-key': 'k' }, JSON.stringify({ n: 1, pad: 'x'.repeat(100) }))
      expect(big.status).toBe(413)
    })
    expect(fetched.calls).toBe(0)
  })

  it('warns once, and still answers, when the app speaks another protocol version', async () => {
    const app = createApp(api, options)
    const older = { fetch: app.fetch, [Symbol.for('gatehouse.server.handleIncoming@0')]: () => undefined } as App
    const warnings: Error[] = []
    const listen = (w: Error) => warnings.push(w)
    process.on('warning', listen)
    try {
      toNodeHandler(older)
      const handler = toNodeHandler(older)
      // process warnings are delivered on the next tick
      await new Promise((r) => setImmediate(r))
      expect(warnings.map((w) => (w as { code?: string }).code)).toEqual(['GATEHOUSE_SLOW_PATH'])
      expect(warnings[0]!.message).toContain('gatehouse.server.handleIncoming@0')
      const fetched = countFetch(older)
      await serve(handler, async (url) => {
        expect((await sendRaw(url, 'POST', '/echo', { 'content-type': 'application/json', 'x-key': 'k' }, '{"n":1}')).status).toBe(200)
      })
      expect(fetched.calls).toBe(1)
    } finally {
      process.off('warning', listen)
    }
  })

  it('does not warn for an app that never had a fast path (a plain fetch handler)', async () => {
    const warnings: Error[] = []
    const listen = (w: Error) => warnings.push(w)
    process.on('warning', listen)
    try {
      const handler = toNodeHandler({ fetch: async () => new Response('plain', { status: 202 }) })
      await new Promise((r) => setImmediate(r))
      expect(warnings).toEqual([])
      await serve(handler, async (url) => {
        const res = await sendRaw(url, 'GET', '/')
        expect([res.status, res.body]).toEqual([202, 'plain'])
      })
    } finally {
      process.off('warning', listen)
    }
  })
})
