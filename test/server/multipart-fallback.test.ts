// Where busboy cannot load (a runtime without node:stream: workers, browsers) multipart bodies are read
// by the platform's Response.formData(). Simulated here by making the `busboy` import fail, the one
// mock in these tests: no real runtime without node:stream runs under vitest.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { uploadCredentials, uploadsApp } from '../fixtures/server/uploads-app.js'
import { entryPoints, type Running } from './wire.js'

vi.mock('busboy', () => {
  throw new Error('Cannot find module node:stream')
})

const part = (name: string, value: string, head = '') => `--b\r\nContent-Disposition: form-data; name="${name}"${head}\r\n\r\n${value}\r\n`
const file = part('file', 'png', '; filename="a.png"\r\nContent-Type: image/png')

describe('multipart without busboy (Response.formData() fallback), over Hono', () => {
  let server: Running
  beforeAll(async () => {
    server = await entryPoints.Hono!(uploadsApp({ multipart: { maxFileSize: 10 } }).app)
  })
  afterAll(() => server.close())
  const post = (body: string) =>
    fetch(`${server.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${uploadCredentials.bearer}`, 'content-type': 'multipart/form-data; boundary=b' }, body })

  it('still decodes JSON parts into objects and checks file types', async () => {
    const ok = await post(file + part('meta', '{"iso":200}', '\r\nContent-Type: application/json') + part('labels', '{"name":"x"}') + '--b--\r\n')
    expect(ok.status).toBe(201)
    expect(await ok.json()).toMatchObject({ meta: { iso: 200 }, labels: [{ name: 'x' }] })
    const wrongFile = await post(part('file', 'gif', '; filename="a.gif"\r\nContent-Type: image/gif') + '--b--\r\n')
    expect(wrongFile.status).toBe(400)
    expect((await wrongFile.json())['invalid-params']).toEqual([{ name: 'file', reason: 'must be image/png or image/jpeg', in: 'body', pointer: '#/file' }])
    const badJson = await post(file + part('meta', '{', '\r\nContent-Type: application/json') + '--b--\r\n')
    expect((await badJson.json())['invalid-params']).toEqual([{ name: 'meta', reason: 'is not valid JSON', in: 'body', pointer: '#/meta' }])
  })

  it('keeps the limits and malformed-body answers', async () => {
    expect((await post(part('file', 'x'.repeat(11), '; filename="a.png"\r\nContent-Type: image/png') + '--b--\r\n')).status).toBe(413)
    expect((await post(file)).status).toBe(400)
  })

  it('cannot see a text part\'s Content-Type, so the encoding check of text parts is skipped (documented)', async () => {
    const res = await post(file + part('settings', '{"hd":true}', '\r\nContent-Type: text/plain') + part('note', 'hi', '\r\nContent-Type: application/json') + '--b--\r\n')
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ settings: { hd: true }, note: 'hi' })
  })
})
