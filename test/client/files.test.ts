// Bodies beyond JSON (issue 12, "Binary and streams"): the generated files client against the
// generated files server (spec/files.yaml) over node:http on 127.0.0.1, and the multipart the
// client sends, read back by undici's own multipart parser.
import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerSentEvent } from '@gatehouse/client'
import { toNodeHandler, type Principal } from '@gatehouse/server'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createClient } from '../generated/files/client.js'
import { createServer, type Handlers } from '../generated/files/server.js'
import type { components } from '../generated/files/types.js'
import { startServer, type TestServer } from './support/server.js'

type StoredFile = components['schemas']['StoredFile']
const principal: Principal = { subject: 'ann', scopes: ['files:read', 'files:write'] }
const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 13, 10])
const encoder = new TextEncoder()

/** Resolves when the test says so: a stream that waits on it proves the client read what came before. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}
let sseGate = gate()
let ndjsonGate = gate()
const received: Uint8Array[] = []
const uploaded: unknown[] = []
let download: () => Uint8Array | Blob | ReadableStream<Uint8Array> = () => bytes

const handlers: Handlers = {
  uploadFile: ({ body }, reply) => {
    uploaded.push(body)
    return reply.created({ name: body.file instanceof File ? body.file.name : 'blob', size: body.file.size, caption: body.caption }, { headers: { location: '/files/x' } })
  },
  downloadFile: (_context, reply) => reply.ok(download()),
  replaceFile: ({ body }, reply) => {
    received.push(body)
    return reply.noContent()
  },
  watchFiles: (_context, reply) =>
    reply.ok(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          // A comment, a multi-line event with an id split across chunks, CRLF endings, a retry.
          controller.enqueue(encoder.encode(': hello\n\nevent: stored\ndata: {"name":"a.png"}\ndata: second line\nid: 4'))
          controller.enqueue(encoder.encode('2\r\n\r\n'))
          // Nothing more until the client has read the first event: a buffering server or client never gets here.
          await sseGate.opened
          controller.enqueue(encoder.encode('data: plain\rretry: 3000\r\r'))
          controller.enqueue(encoder.encode('data: never dispatched (no blank line before the end)\n'))
          controller.close()
        },
      }),
    ),
  exportFiles: (_context, reply) =>
    reply.ok(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('{"name":"a","size":1}\n{"name":'))
          controller.enqueue(encoder.encode('"b","size":2}\r\n'))
          await ndjsonGate.opened
          controller.enqueue(encoder.encode('\n{"name":"c","size":3}'))
          controller.close()
        },
      }),
    ),
}

let baseUrl = ''
let close: () => Promise<void> = async () => {}
let raw: TestServer
beforeAll(async () => {
  const app = createServer({ authenticate: { oauth2: async (token) => (token === 'ann' ? principal : undefined) }, handlers })
  const http = createHttpServer(toNodeHandler(app))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  close = () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve())))
  raw = await startServer((_req, res) => res.writeHead(201, { 'content-type': 'application/json', location: '/files/x' }).end('{"name":"x","size":1}'))
})
afterAll(async () => {
  await close()
  await raw?.close()
})

const client = (url = baseUrl) => createClient({ baseUrl: url, auth: { oauth2: 'ann' }, retry: false })

describe('binary bodies', () => {
  it('a format: binary download is a Blob, typed Blob, from Uint8Array, Blob and stream replies', async () => {
    for (const reply of [() => bytes, () => new Blob([bytes]), () => new Blob([bytes]).stream()]) {
      download = reply
      const r = await client().downloadFile({ params: { path: { name: 'a.bin' } } })
      if (!r.ok) throw new Error(`unexpected ${r.status}`)
      expectTypeOf(r.data).toEqualTypeOf<Blob>()
      expect(r.data).toBeInstanceOf(Blob)
      expect(new Uint8Array(await r.data.arrayBuffer())).toEqual(bytes)
    }
  })

  it('an octet-stream request body may be a Uint8Array, a Blob or a ReadableStream', async () => {
    received.length = 0
    const bodies = [bytes, new Blob([bytes]), new Blob([bytes]).stream()]
    for (const body of bodies) {
      const r = await client().replaceFile({ params: { path: { name: 'a.bin' } }, body })
      expect(r.status).toBe(204)
    }
    expect(received.map((b) => [...b])).toEqual(bodies.map(() => [...bytes]))
    // @ts-expect-error -- a binary body is bytes, not an object
    void (() => client().replaceFile({ params: { path: { name: 'a.bin' } }, body: { size: 1 } }))
  })
})

describe('streams', () => {
  it('text/event-stream: parsed events, each read as it arrives (WHATWG event stream interpretation)', async () => {
    sseGate = gate()
    const r = await client().watchFiles()
    if (!r.ok) throw new Error(`unexpected ${r.status}`)
    expectTypeOf(r.data).toEqualTypeOf<AsyncIterable<ServerSentEvent>>()
    expect(r.response.headers.get('cache-control')).toBe('no-cache')
    const events: ServerSentEvent[] = []
    for await (const event of r.data) {
      events.push(event)
      sseGate.open()
    }
    expect(events).toEqual([
      { event: 'stored', data: '{"name":"a.png"}\nsecond line', id: '42' },
      { event: 'message', data: 'plain', id: '42', retry: 3000 },
    ])
  })

  it('application/x-ndjson: one parsed value per line, typed from the schema, read as they arrive', async () => {
    ndjsonGate = gate()
    const r = await client().exportFiles()
    if (!r.ok) throw new Error(`unexpected ${r.status}`)
    expectTypeOf(r.data).toEqualTypeOf<AsyncIterable<StoredFile>>()
    const names: string[] = []
    for await (const file of r.data) {
      names.push(file.name)
      if (names.length === 2) ndjsonGate.open()
    }
    expect(names).toEqual(['a', 'b', 'c'])
  })

  it('breaking out of the loop releases the stream', async () => {
    sseGate = gate()
    const r = await client().watchFiles()
    if (!r.ok) throw new Error(`unexpected ${r.status}`)
    for await (const event of r.data) {
      expect(event.event).toBe('stored')
      break
    }
    // The server's stream is still waiting on the gate; the client has let go of it regardless.
    sseGate.open()
    expect(r.response.bodyUsed).toBe(true)
  })
})

describe('multipart/form-data from the typed object', () => {
  it('files as file parts, text as text, arrays as repeated parts, objects as application/json parts', async () => {
    const file = new File([bytes], 'photo.png', { type: 'image/png' })
    const r = await client(raw.url).uploadFile({ body: { file, caption: 'Hi "there"', tags: ['a', 'b'], meta: { camera: 'x', iso: 100 } } })
    expect(r.status).toBe(201)
    const sent = raw.seen.at(-1)!
    const contentType = sent.headers['content-type']!
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/)
    const form = await new Response(new Uint8Array(sent.body), { headers: { 'content-type': contentType } }).formData()
    const part = form.get('file') as File
    expect([part.name, part.type, [...new Uint8Array(await part.arrayBuffer())]]).toEqual(['photo.png', 'image/png', [...bytes]])
    expect(form.get('caption')).toBe('Hi "there"')
    expect(form.getAll('tags')).toEqual(['a', 'b'])
    expect(JSON.parse(form.get('meta') as string)).toEqual({ camera: 'x', iso: 100 })
    // The JSON part says what it is (OpenAPI's default for an object property); text parts carry no type.
    const text = sent.body.toString('latin1')
    expect(text).toMatch(/name="meta"\r\nContent-Type: application\/json\r\n\r\n\{"camera":"x","iso":100\}\r\n/)
    expect(text).toMatch(/name="caption"\r\n\r\nHi "there"\r\n/)
  })

  it('the generated server hands its handler the same typed object the client sent', async () => {
    uploaded.length = 0
    const file = new File([bytes], 'photo.png', { type: 'image/png' })
    // `meta`, an object, travels as an application/json part and arrives as the object again.
    const r = await client().uploadFile({ body: { file, caption: 'Hi', tags: ['a', 'b'], meta: { camera: 'x', iso: 100 } } })
    if (r.status !== 201) throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.error)}`)
    expect(r.data).toEqual({ name: 'photo.png', size: bytes.length, caption: 'Hi' })
    const got = uploaded[0] as { file: File; caption: string; tags: string[]; meta: unknown }
    expect(got.file).toBeInstanceOf(Blob)
    expect([got.file.type, [...new Uint8Array(await got.file.arrayBuffer())]]).toEqual(['image/png', [...bytes]])
    expect([got.caption, got.tags, got.meta]).toEqual(['Hi', ['a', 'b'], { camera: 'x', iso: 100 }])
  })

  it('a Blob without a type takes the encoding contentType; the body type requires the file as a Blob', async () => {
    await client(raw.url).uploadFile({ body: { file: new Blob([bytes]) } })
    expect(raw.seen.at(-1)!.body.toString('latin1')).toMatch(/name="file"; filename="blob"\r\nContent-Type: image\/png\r\n/)
    // @ts-expect-error -- a file field is a Blob (a File is one), not a string
    void (() => client(raw.url).uploadFile({ body: { file: 'not a file' } }))
  })
})
