// Development mode checks the VALUES of declared response headers against their schemas (issue 12,
// item 11), as it checks bodies: logged, the reply sent unchanged; production never checks. The
// files API (spec/files.yaml): uploadFile's 201 declares Location (required), X-Rate-Limit-Remaining
// (integer ≥ 0) and X-Stored-In (a list of hot/cold). Over node:http, Express and Hono on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServer, type Handlers } from '../generated/files/server.js'
import { entryPoints, type Running } from './wire.js'

type Headers201 = Record<string, string>
let replyHeaders: Headers201 = {}

const notUsed = (() => {
  throw new Error('not used')
}) as never
const handlers: Handlers = {
  uploadFile: (_, reply) => reply.created({ name: 'a.png', size: 1 }, { headers: { location: '/files/a.png', ...replyHeaders } }),
  downloadFile: notUsed,
  replaceFile: notUsed,
  watchFiles: notUsed,
  exportFiles: notUsed,
}

function upload(server: Running): Promise<Response> {
  const form = new FormData()
  form.append('file', new File([new Uint8Array([1])], 'a.png', { type: 'image/png' }))
  return fetch(`${server.url}/files`, { method: 'POST', headers: { authorization: 'Bearer ann' }, body: form })
}

for (const [entry, start] of Object.entries(entryPoints)) {
  describe(`response header values in development mode over ${entry}`, () => {
    const logger = { error: vi.fn() }
    const quiet = { error: vi.fn() }
    let dev: Running
    let prod: Running
    beforeAll(async () => {
      const authenticate = { oauth2: async () => ({ subject: 'ann', scopes: ['files:read', 'files:write'] }) }
      dev = await start(createServer({ mode: 'development', logger, authenticate, handlers }))
      prod = await start(createServer({ logger: quiet, authenticate, handlers }))
    })
    afterAll(async () => {
      await dev.close()
      await prod.close()
    })

    it.each([
      ['an integer header that is not a number', { 'x-rate-limit-remaining': 'lots' }, /x-rate-limit-remaining: .* \(sent "lots"\)/],
      ['an integer header below its minimum', { 'x-rate-limit-remaining': '-1' }, /x-rate-limit-remaining: .* \(sent "-1"\)/],
      ['an integer header that is a fraction', { 'x-rate-limit-remaining': '2.5' }, /x-rate-limit-remaining: /],
      ['a list with an item outside its enum', { 'x-stored-in': 'hot, warm' }, /x-stored-in\/1: .* \(sent "hot, warm"\)/],
    ])('logs %s, and sends the reply unchanged', async (_, headers, message) => {
      logger.error.mockClear()
      replyHeaders = headers
      const res = await upload(dev)
      expect(res.status).toBe(201)
      for (const [name, value] of Object.entries(headers)) expect(res.headers.get(name)).toBe(value)
      expect(logger.error).toHaveBeenCalledTimes(1)
      const logged = String(logger.error.mock.calls[0]![0])
      expect(logged).toMatch(/^gatehouse: uploadFile \(POST \/files\) replied 201 with a header that does not match the spec:\n/)
      expect(logged).toMatch(message)
    })

    it('stays quiet for values that match, in any letter case of the name', async () => {
      logger.error.mockClear()
      replyHeaders = { 'X-Rate-Limit-Remaining': '0', 'x-stored-in': 'hot,cold', 'x-undeclared': 'anything' }
      const res = await upload(dev)
      expect(res.status).toBe(201)
      expect(logger.error).not.toHaveBeenCalled()
    })

    it('production mode never checks', async () => {
      quiet.error.mockClear()
      replyHeaders = { 'x-rate-limit-remaining': 'lots', 'x-stored-in': 'warm' }
      const res = await upload(prod)
      expect(res.status).toBe(201)
      expect(res.headers.get('x-rate-limit-remaining')).toBe('lots')
      expect(quiet.error).not.toHaveBeenCalled()
    })
  })
}
