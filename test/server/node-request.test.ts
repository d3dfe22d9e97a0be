// The Request that verifiers and handlers get under toNodeHandler is built lazily; it must still
// behave as a full Request: instanceof, method, url, headers, and a body readable after the pipeline read it.
import { createServer, request as httpRequest } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
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
  // The echo operation behind key `k`, with a 16-byte body limit, listening on 127.0.0.1.
  async function limitedServer() {
    const app = createApp(api, {
      maxBodySize: 16,
      authenticate: { key: (key: string) => (key === 'k' ? { scopes: [] } : undefined) } as never,
      handlers: { echo: (_: unknown, reply: { ok(b: unknown): unknown }) => reply.ok({}) } as never,
    })
    const server = createServer(toNodeHandler(app))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    return server
  }

  it('answers 413 past maxBodySize, whether announced or streamed, and authenticates first', async () => {
    const server = await limitedServer()
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

  it('answers 413 from the announced Content-Length alone, at the limit exactly', async () => {
    const server = await limitedServer()
    const { port } = server.address() as AddressInfo
    // Sends the head and `sent` bytes of the body, never the rest: only an answer from the announced
    // length can arrive (a count of received bytes would wait for the rest). Resolves with the status code.
    const statusCode = (length: string, sent: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`POST /echo/1 HTTP/1.1\r\nhost: x\r\nx-key: k\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n\r\n${sent}`)
        })
        socket.once('data', (chunk: Buffer) => {
          resolve(chunk.toString('latin1').split(' ')[1]!)
          socket.destroy()
        })
        socket.on('error', reject)
      })
    try {
      for (const length of ['17', '000017', '100000', '12345678901234567890']) expect(await statusCode(length, '{"a":')).toBe('413')
      // Exactly the limit is accepted: the whole body is read, then parsed (400 when it is not JSON).
      const notJson = '{"text":"123456"'
      const json = '{"text":"12345"}'
      expect([notJson.length, json.length]).toEqual([16, 16])
      expect(await statusCode('16', notJson)).toBe('400')
      expect(await statusCode('16', json)).toBe('200')
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})

describe('requests without credentials under node:http', () => {
  const bearerApi: ApiDefinition = {
    schemes: { bearer: { type: 'http', credential: 'bearer' } },
    operations: {
      create: {
        method: 'post', path: '/things', security: [[{ scheme: 'bearer', scopes: [] }]], hideForbidden: false, exposeScopes: true, credentialsExchange: false,
        body: { required: true, types: ['application/json'] }, responses: { '201': ['application/json'] },
      },
    },
  }

  // Reads responses off one socket: each a head plus its Content-Length of body.
  function responses(socket: import('node:net').Socket): () => Promise<{ head: string; body: string }> {
    let buffered = Buffer.alloc(0)
    let wake: (() => void) | undefined
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      wake?.()
    })
    return async () => {
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n')
        if (end !== -1) {
          const head = buffered.subarray(0, end).toString('latin1')
          const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0)
          if (buffered.length >= end + 4 + length) {
            const body = buffered.subarray(end + 4, end + 4 + length).toString()
            buffered = buffered.subarray(end + 4 + length)
            return { head, body }
          }
        }
        await new Promise<void>((resolve) => (wake = resolve))
      }
    }
  }

  it('get their 401 before the body is in, and the connection serves the next request', async () => {
    let verified = 0
    const app = createApp(bearerApi, {
      realm: 'things',
      authenticate: { bearer: (token: string) => (verified++, token === 't' ? { scopes: [] } : undefined) } as never,
      handlers: { create: ({ body }: { body: unknown }, reply: { created(b: unknown): unknown }) => reply.created(body) } as never,
    })
    const server = createServer(toNodeHandler(app))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { connect } = await import('node:net')
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1')
    try {
      const next = responses(socket)
      const body = JSON.stringify({ text: 'x'.repeat(200) })
      // Headers and the first 10 bytes only: the answer must not wait for the other bytes.
      socket.write(`POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`)
      const first = await next()
      expect(first.head).toMatch(/^HTTP\/1\.1 401 /)
      expect(first.head).toMatch(/\r\nwww-authenticate: Bearer realm="things"\r\n/i)
      expect(JSON.parse(first.body)).toMatchObject({ status: 401 })
      // The rest of that body is discarded, and the same connection serves an authenticated request.
      socket.write(body.slice(10))
      socket.write(`POST /things HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}`)
      const second = await next()
      expect(second.head).toMatch(/^HTTP\/1\.1 201 /)
      expect(JSON.parse(second.body)).toEqual({ a: 1 })
      expect(verified).toBe(1)
    } finally {
      socket.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})
