// multipart/form-data request bodies over every entry point: parsed, limited, validated against
// the schema and its `encoding`, and handed to the handler with File values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uploadCredentials, uploadsApp } from '../fixtures/server/uploads-app.js'
import { entryPoints, rawRequest, type Running } from './wire.js'

const auth = { authorization: `Bearer ${uploadCredentials.bearer}` }
const png = (size: number) => new File([new Uint8Array(size).fill(7)], 'pic.png', { type: 'image/png' })

function form(fields: [string, string | File][]): FormData {
  const f = new FormData()
  for (const [name, value] of fields) f.append(name, value)
  return f
}

const invalidNames = async (res: Response) => ((await res.json())['invalid-params'] as { name: string }[]).map((p) => p.name)

for (const [name, start] of Object.entries(entryPoints)) {
  describe(`multipart over ${name}`, () => {
    let server: Running
    let limited: Running
    beforeAll(async () => {
      server = await start(uploadsApp().app)
      limited = await start(uploadsApp({ maxBodySize: 4096, multipart: { maxParts: 4, maxFileSize: 1000 } }).app)
    })
    afterAll(async () => {
      await server.close()
      await limited.close()
    })
    const post = (base: Running, body: BodyInit, headers: Record<string, string> = {}) =>
      fetch(`${base.url}/uploads`, { method: 'POST', headers: { ...auth, ...headers }, body })

    it('hands the handler a File and the text parts coerced to the schema types', async () => {
      const res = await post(server, form([['file', png(1234)], ['caption', 'a cat'], ['count', '3'], ['public', 'true'], ['tags', 'x'], ['tags', 'y']]))
      expect(res.status).toBe(201)
      expect(await res.json()).toEqual({ fileName: 'pic.png', fileType: 'image/png', size: 1234, parts: 6, caption: 'a cat', count: 3, public: true, tags: ['x', 'y'] })
    })

    it('accepts a lone value for an array field', async () => {
      const res = await post(server, form([['file', png(1)], ['tags', 'only']]))
      expect(res.status).toBe(201)
      expect((await res.json()).tags).toEqual(['only'])
    })

    it.each([
      ['without the required file part', [['caption', 'no file']], ['file']],
      ['with text where the file goes', [['file', 'not a file']], ['file']],
      ['with a file of a type the encoding does not allow', [['file', new File(['hi'], 'a.txt', { type: 'text/plain' })]], ['file']],
      ['with a file part that has no type (application/octet-stream)', [['file', new File(['hi'], 'a.bin')]], ['file']],
      ['with a count that is not an integer', [['file', png(1)], ['count', '3.5']], ['count']],
      ['with a count that is not a number', [['file', png(1)], ['count', 'three']], ['count']],
      ['with a boolean that is not true or false', [['file', png(1)], ['public', 'yes']], ['public']],
      ['with a caption over maxLength', [['file', png(1)], ['caption', 'c'.repeat(201)]], ['caption']],
    ] as [string, [string, string | File][], string[]][])('is 400 %s, naming the field', async (_, fields, names) => {
      const res = await post(server, form(fields))
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(await invalidNames(res)).toEqual(names)
    })

    it('checks credentials before reading the body: 401 without them, whatever the body', async () => {
      const res = await fetch(`${server.url}/uploads`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'garbage' })
      expect(res.status).toBe(401)
    })

    it.each([
      ['no boundary parameter', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'The multipart body has no valid boundary parameter.'],
      ['a boundary that never occurs', 'multipart/form-data; boundary=zzz', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'The multipart body is malformed.'],
      ['a part without Content-Disposition', 'multipart/form-data; boundary=x', '--x\r\nContent-Type: text/plain\r\n\r\n1\r\n--x--\r\n', 'The multipart body is malformed.'],
      ['no closing delimiter', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', 'The multipart body is malformed.'],
    ])('a malformed body (%s) is a 400 problem', async (_, type, body, detail) => {
      const res = await rawRequest(server.port, ['POST /uploads HTTP/1.1', 'Host: api.test', `Authorization: ${auth.authorization}`, `Content-Type: ${type}`], body)
      expect(res.status).toBe(400)
      expect(JSON.parse(res.body)).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail })
    })

    it.each([
      ['more parts than maxParts', () => form([['file', png(1)], ['tags', '1'], ['tags', '2'], ['tags', '3'], ['tags', '4']])],
      ['a file larger than maxFileSize', () => form([['file', png(1001)]])],
      ['a body larger than maxBodySize', () => form([['file', png(900)], ['caption', 'x'.repeat(3500)]])],
    ])('%s is 413', async (_, body) => {
      const res = await post(limited, body())
      expect(res.status).toBe(413)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    })

    it('the limits let a body just within them through', async () => {
      const res = await post(limited, form([['file', png(1000)], ['tags', '1'], ['tags', '2'], ['tags', '3']]))
      expect(res.status).toBe(201)
    })
  })
}
