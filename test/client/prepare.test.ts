// A call whose URL and body are both still being prepared when it starts (an array in the query loads
// the query serializer; a body is encoded asynchronously): a failure in either rejects the call, once,
// and never surfaces as an unhandled rejection while the other is awaited. Real HTTP on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../generated/articles/client.js'
import { json, startServer, type TestServer } from './support/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const api = () => createClient({ baseUrl: server.url, auth: { oauth2: 't1' }, retry: false })

/** The rejections nobody handled while `run` ran, and for 50 ms after it (long enough for Node to report them). */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  try {
    await run()
    await new Promise((done) => setTimeout(done, 50))
  } finally {
    process.off('unhandledRejection', onUnhandled)
  }
  return unhandled
}

describe('a call whose URL and body are prepared at the same time', () => {
  it('a body that cannot be encoded rejects the call while the query serializer loads; nothing is sent', async () => {
    const before = server.seen.length
    const unhandled = await unhandledDuring(async () => {
      // JSON.stringify throws on a BigInt; the array in the query makes the URL wait for request/query.ts.
      const call = api().createArticle({ params: { query: { tags: ['a', 'b'] } } as never, body: { title: 1n } as never })
      await expect(call).rejects.toThrow(TypeError)
    })
    expect(unhandled).toEqual([])
    expect(server.seen.length).toBe(before)
  })

  it('a call refused while it is prepared leaves no promise behind to reject later', async () => {
    const unhandled = await unhandledDuring(async () => {
      // Two faults: a header name Headers refuses, and a missing path parameter that the URL, waiting
      // for the query serializer, would only report later.
      const call = api().getArticle({ params: { path: {}, query: { tags: ['a'] } } as never, headers: [['bad name', 'x']] })
      await expect(call).rejects.toThrow(TypeError)
    })
    expect(unhandled).toEqual([])
  })

  it('both ready: the array query is serialized and the body sent', async () => {
    server.route = (req, res) => json(res, 201, { ...JSON.parse(req.body.toString()), id: 'a1' })
    const r = await api().createArticle({ params: { query: { tags: ['a', 'b'] } } as never, body: { title: 'T', body: 'B', status: 'draft' } })
    expect(r.status).toBe(201)
    expect(server.seen.at(-1)!.url).toBe('/articles?tags=a&tags=b')
  })
})
