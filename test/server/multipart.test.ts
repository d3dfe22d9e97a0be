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

/** One part written by hand: FormData cannot give a text part a Content-Type. */
interface RawPart {
  name: string
  value: string
  type?: string
  filename?: string
}

/** A multipart/form-data body byte for byte, with the file part the schema requires first. */
function rawForm(parts: RawPart[], boundary = 'b0undary'): { body: string; type: string } {
  const all: RawPart[] = [{ name: 'file', value: 'png', type: 'image/png', filename: 'a.png' }, ...parts]
  const body = all
    .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.value}\r\n`)
    .join('')
  return { body: `${body}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` }
}

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
      expect(await res.json()).toEqual({
        fileName: 'pic.png',
        fileType: 'image/png',
        size: 1234,
        parts: 6,
        caption: 'a cat',
        count: 3,
        public: true,
        tags: ['x', 'y'],
        keys: ['file', 'caption', 'count', 'public', 'tags'],
      })
    })

    const postRaw = (parts: RawPart[]) => {
      const { body, type } = rawForm(parts)
      return post(server, body, { 'content-type': type })
    }

    it.each([
      ['an application/json part', { type: 'application/json' }],
      ['a part without a Content-Type (curl -F)', {}],
      ['a JSON file part', { type: 'application/json', filename: 'meta.json' }],
    ])('decodes an object field sent as %s (OpenAPI: objects default to application/json)', async (_, how) => {
      const res = await postRaw([{ name: 'meta', value: '{"camera":"X100","iso":400}', ...how }])
      expect(res.status).toBe(201)
      expect((await res.json()).meta).toEqual({ camera: 'X100', iso: 400 })
    })

    it('decodes each part of an array-of-objects field, and a declared JSON field, into objects', async () => {
      const res = await postRaw([
        { name: 'labels', value: '{"name":"cat"}', type: 'application/json' },
        { name: 'labels', value: '{"name":"sofa"}', type: 'application/json' },
        { name: 'settings', value: '{"public":true,"hd":false}', type: 'application/json; charset=utf-8' },
        { name: 'note', value: '{"stays":"text"}', type: 'text/plain; charset=utf-8' },
      ])
      expect(res.status).toBe(201)
      const json = await res.json()
      expect(json.labels).toEqual([{ name: 'cat' }, { name: 'sofa' }])
      expect(json.settings).toEqual({ public: true, hd: false })
      expect(json.note).toBe('{"stays":"text"}')
    })

    it('a lone JSON part of an array field is a one-item array', async () => {
      const res = await postRaw([{ name: 'labels', value: '{"name":"only"}', type: 'application/json' }])
      expect(res.status).toBe(201)
      expect((await res.json()).labels).toEqual([{ name: 'only' }])
    })

    it.each([
      ['a JSON part that does not parse', [{ name: 'meta', value: '{"camera":', type: 'application/json' }], [{ name: 'meta', reason: 'is not valid JSON', in: 'body', pointer: '#/meta' }]],
      ['a text part for an object field that is not JSON', [{ name: 'meta', value: 'camera=X100' }], [{ name: 'meta', reason: 'is not valid JSON', in: 'body', pointer: '#/meta' }]],
      [
        'the second of two parts not parsing',
        [
          { name: 'labels', value: '{"name":"cat"}', type: 'application/json' },
          { name: 'labels', value: 'sofa', type: 'application/json' },
        ],
        [{ name: 'labels[1]', reason: 'is not valid JSON', in: 'body', pointer: '#/labels/1' }],
      ],
      ['a JSON object of the wrong shape', [{ name: 'meta', value: '{"iso":"high"}', type: 'application/json' }], [{ name: 'meta.iso', reason: expect.any(String), in: 'body', pointer: '#/meta/iso' }]],
      // JSON is typed: a string that looks like a number is not coerced the way a text field's value is.
      ['a number sent as a JSON string', [{ name: 'meta', value: '{"iso":"400"}', type: 'application/json' }], [{ name: 'meta.iso', reason: expect.any(String), in: 'body', pointer: '#/meta/iso' }]],
      ['a boolean sent as a JSON string', [{ name: 'settings', value: '{"hd":"true"}', type: 'application/json' }], [{ name: 'settings.hd', reason: expect.any(String), in: 'body', pointer: '#/settings/hd' }]],
      ['a declared-JSON field sent as text/plain', [{ name: 'settings', value: '{"hd":true}', type: 'text/plain' }], [{ name: 'settings', reason: 'must be application/json', in: 'body', pointer: '#/settings' }]],
      ['a declared-JSON field sent without a type (text/plain by RFC 7578)', [{ name: 'settings', value: '{"hd":true}' }], [{ name: 'settings', reason: 'must be application/json', in: 'body', pointer: '#/settings' }]],
      ['a declared text/plain field sent as JSON', [{ name: 'note', value: '"hi"', type: 'application/json' }], [{ name: 'note', reason: 'must be text/plain', in: 'body', pointer: '#/note' }]],
    ] as [string, RawPart[], object[]][])('is 400 with one entry for %s', async (_, parts, expected) => {
      const res = await postRaw(parts)
      expect(res.status).toBe(400)
      expect((await res.json())['invalid-params']).toEqual(expected)
    })

    it.each([
      ['a UTF-8 file name (RFC 7578 §4.2)', 'Foto-äöü-猫.png', 'Foto-äöü-猫.png'],
      ['a file name with a directory part, kept to its last segment', 'C:\\Users\\me\\pic.png', 'pic.png'],
    ])('hands over %s', async (_, sent, name) => {
      const body = `--b\r\nContent-Disposition: form-data; name="file"; filename="${sent}"\r\nContent-Type: image/png\r\n\r\npng\r\n--b--\r\n`
      const res = await post(server, new TextEncoder().encode(body), { 'content-type': 'multipart/form-data; boundary=b' })
      expect(res.status).toBe(201)
      expect((await res.json()).fileName).toBe(name)
    })

    it('keeps prototype names as ordinary fields', async () => {
      const res = await postRaw([
        { name: 'toString', value: 'x' },
        { name: 'constructor', value: 'y' },
        { name: '__proto__', value: '{"polluted":true}' },
      ])
      expect(res.status).toBe(201)
      const json = await res.json()
      expect(json.keys).toEqual(expect.arrayContaining(['file', 'toString', 'constructor']))
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
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
      ['a boundary that never occurs', 'multipart/form-data; boundary=zzz', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'The multipart body is malformed: it ends before its closing delimiter.'],
      ['a part without Content-Disposition', 'multipart/form-data; boundary=x', '--x\r\nContent-Type: text/plain\r\n\r\n1\r\n--x--\r\n', 'The multipart body has a part without a Content-Disposition: form-data header.'],
      ['a part that is an attachment, not form-data', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: attachment; name="a"\r\n\r\n1\r\n--x--\r\n', 'The multipart body has a part without a Content-Disposition: form-data header.'],
      ['a part without a name', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data\r\n\r\n1\r\n--x--\r\n', 'The multipart body has a part without a name in its Content-Disposition header.'],
      ['a file part without a name', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; filename="a.png"\r\n\r\n1\r\n--x--\r\n', 'The multipart body has a part without a name in its Content-Disposition header.'],
      ['a delimiter followed by junk inside a part', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xjunk\r\n--x--\r\n', 'The multipart body is malformed: a boundary delimiter inside a part is followed by neither CRLF nor "--".'],
      ['a part header line without a colon', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\nno colon\r\n\r\n1\r\n--x--\r\n', 'The multipart body is malformed: a part header does not parse.'],
      ['a part header over 16 KB', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="a"\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n1\r\n--x--\r\n`, 'The multipart body is malformed: a part header does not parse.'],
      ['no closing delimiter', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', 'The multipart body is malformed: it ends before its closing delimiter.'],
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
