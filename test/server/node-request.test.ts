// The Request that verifiers and handlers get under toNodeHandler is built lazily; it must still
// behave as a full Request: instanceof, method, url, headers, and a body readable after the pipeline read it.
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, toNodeHandler, type ApiDefinition } from '@gatehouse/server'
import { describe, expect, it } from 'vitest'
import { sendRaw } from './scenarios.js'

const api: ApiDefinition = {
  schemes: { key: { type: 'apiKey', credential: 'apiKey', in: 'header', name: 'X-Key' } },
  operations: {
    echo: {
      method: 'post', path: '/echo/{id}', security: [[{ scheme: 'key', scopes: [] }]], hideForbidden: false, exposeScopes: true, credentialsExchange: false,
      parameters: [{ name: 'id', in: 'path', required: true, style: 'simple', explode: false }],
      body: { required: true, types: ['application/json'] }, responses: { '200': ['application/json'] },
    },
  },
}

describe('the Request given under node:http', () => {
  it('is a real Request to verifiers and handlers', async () => {
    const seenByVerifier: unknown[] = []
    const app = createApp(api, {
      authenticate: {
        key: (key: string, request: Request) => {
          seenByVerifier.push(request instanceof Request, request.method, request.headers.get('x-key'))
          return key === 'k' ? { scopes: [] } : undefined
        },
      } as never,
      handlers: {
        echo: async ({ request, body }: { request: Request; body: unknown }, reply: { ok(b: unknown): unknown }) =>
          reply.ok({ url: new URL(request.url).pathname + new URL(request.url).search, text: await request.text(), body, mode: request.mode, signal: request.signal instanceof AbortSignal }),
      } as never,
    })
    const server = createServer(toNodeHandler(app))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const res = await sendRaw(url, 'POST', '/echo/7', { 'x-key': 'k', 'content-type': 'application/json' }, '{"a":1}')
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toEqual({ url: '/echo/7', text: '{"a":1}', body: { a: 1 }, mode: 'cors', signal: true })
      expect(seenByVerifier).toEqual([true, 'POST', 'k'])
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})

describe('bodies under node:http', () => {
  it('answers 413 past maxBodySize, whether announced or streamed, and authenticates first', async () => {
    const app = createApp(api, {
      maxBodySize: 16,
      authenticate: { key: (key: string) => (key === 'k' ? { scopes: [] } : undefined) } as never,
      handlers: { echo: (_: unknown, reply: { ok(b: unknown): unknown }) => reply.ok({}) } as never,
    })
    const server = createServer(toNodeHandler(app))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const big = JSON.stringify({ text: 'x'.repeat(100) })
      expect((await sendRaw(url, 'POST', '/echo/1', { 'content-type': 'application/json' }, big)).status).toBe(401)
      expect((await sendRaw(url, 'POST', '/echo/1', { 'x-key': 'k', 'content-type': 'application/json' }, big)).status).toBe(413)
      const chunked = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${url}/echo/1`, { method: 'POST', headers: { 'x-key': 'k', 'content-type': 'application/json' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.write(big.slice(0, 50))
        req.end(big.slice(50))
      })
      expect(chunked).toBe(413)
      const ok = await sendRaw(url, 'POST', '/echo/1', { 'x-key': 'k', 'content-type': 'application/json' }, '{"a":1}')
      expect(ok.status).toBe(200)
      // A known body goes out with its length, not chunked (one write, no chunk framing).
      expect(ok.headers).toContainEqual(['content-length', '2'])
      expect(ok.headers.map(([n]) => n)).not.toContain('transfer-encoding')
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})
