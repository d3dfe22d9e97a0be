// Where busboy cannot load (a runtime without node:stream: workers, browsers) multipart bodies are read
// by the platform's Response.formData(). Simulated here by making the `busboy` import fail and
// process.getBuiltinModule('node:stream') find nothing: no runtime without node:stream runs under vitest.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadBusboyFrom } from '../../packages/server/src/multipart/busboy.js'
import { uploadCredentials, uploadsApp } from '../fixtures/server/uploads-app.js'
import { entryPoints, type Running } from './wire.js'

vi.mock('busboy', () => {
  throw new Error('Cannot find module node:stream')
})
const builtin = process.getBuiltinModule.bind(process) as (id: string) => unknown
vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) => (id === 'node:stream' ? undefined : builtin(id))) as typeof process.getBuiltinModule)

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

describe('loading busboy', () => {
  const failing = () => Promise.reject(new Error('Dynamic require of "stream" is not supported'))
  it('falls back to formData() only where node:stream is missing', async () => {
    await expect(loadBusboyFrom({ load: failing, builtin: () => undefined, from: import.meta.url })).resolves.toBeUndefined()
    await expect(loadBusboyFrom({ load: failing, builtin: undefined, from: import.meta.url })).resolves.toBeUndefined()
  })

  it('with node:stream, a bundle that broke the import still gets busboy through Node\'s require', async () => {
    const factory = await loadBusboyFrom({ load: failing, builtin, from: import.meta.url })
    expect(typeof factory).toBe('function')
  })

  it('with node:stream and no busboy anywhere, it fails loudly, saying how to fix the bundle', async () => {
    const noModule = (id: string) => (id === 'node:module' ? { createRequire: () => () => { throw new Error("Cannot find module 'busboy'") } } : builtin(id))
    const error = await loadBusboyFrom({ load: failing, builtin: noModule, from: import.meta.url }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/busboy .* could not be loaded although this runtime has node:stream.*mark busboy as external/)
    expect(((error as Error).cause as Error).message).toMatch(/Dynamic require/)
  })
})
