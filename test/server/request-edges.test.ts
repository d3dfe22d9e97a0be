// One credential, one answer; request targets; form bodies with prototype names — over every
// entry point (node:http, Express, Hono), with exact bytes on a socket.
import { parseChallenges } from '@gatehouse/http-auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uploadCredentials, uploadsApp } from '../fixtures/server/uploads-app.js'
import { entryPoints, headerOf, rawRequest, type RawResponse, type Running } from './wire.js'

const bearer = `Bearer ${uploadCredentials.bearer}`

function errorOf(res: RawResponse): string | undefined {
  const challenges = res.headers.filter(([n]) => n === 'www-authenticate').flatMap(([, v]) => parseChallenges(v))
  const errors = [...new Set(challenges.map((c) => c.params.error))]
  return errors.length === 1 ? errors[0] : errors.join('|')
}

for (const [name, start] of Object.entries(entryPoints)) {
  describe(`over ${name}`, () => {
    let server: Running
    let fixture: ReturnType<typeof uploadsApp>
    beforeAll(async () => {
      fixture = uploadsApp()
      server = await start(fixture.app)
    })
    afterAll(() => server.close())
    const get = (target: string, ...headers: string[]) => rawRequest(server.port, [`GET ${target} HTTP/1.1`, 'Host: api.test', ...headers])

    it('a single valid credential passes, and the verifier and handler see exactly it', async () => {
      fixture.seen.length = 0
      const res = await get('/docs', `Authorization: ${bearer}`)
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toEqual({ subject: `bearer-user via ${bearer}` })
      expect(fixture.seen).toEqual([{ scheme: 'bearerAuth', credential: uploadCredentials.bearer }])
    })

    it.each([
      ['two Authorization lines, the valid one first', [`Authorization: ${bearer}`, 'Authorization: Bearer other']],
      ['two Authorization lines, the valid one last', ['Authorization: Bearer other', `Authorization: ${bearer}`]],
      ['the same Authorization line twice', [`Authorization: ${bearer}`, `Authorization: ${bearer}`]],
      ['two credentials joined by a comma in one line', [`Authorization: ${bearer}, Bearer other`]],
      ['an empty second Authorization line', [`Authorization: ${bearer}`, 'Authorization:']],
      ['two X-API-Key lines', [`X-API-Key: ${uploadCredentials.apiKey}`, 'X-API-Key: other']],
      ['the same X-API-Key twice', [`X-API-Key: ${uploadCredentials.apiKey}`, `X-API-Key: ${uploadCredentials.apiKey}`]],
      ['Bearer and a tab', [`Authorization: Bearer\t${uploadCredentials.bearer}`]],
      ['Bearer and two spaces', [`Authorization: Bearer  ${uploadCredentials.bearer}`]],
      ['Bearer, a space and a tab', [`Authorization: Bearer \t${uploadCredentials.bearer}`]],
    ])('%s is 400 invalid_request, and no verifier runs', async (_, headers) => {
      fixture.seen.length = 0
      const res = await get('/docs', ...headers)
      expect(res.status).toBe(400)
      expect(errorOf(res)).toBe('invalid_request')
      expect(headerOf(res, 'content-type')).toBe('application/problem+json')
      expect(fixture.seen).toEqual([])
    })

    it.each([
      ['an absolute-form target', 'http://api.test/docs'],
      ['an absolute-form target naming another authority', 'http://elsewhere.example:8080/docs'],
      ['a percent-encoded unreserved letter', '/%64ocs'],
      ['percent-encoded unreserved characters, hex in either case', '/%64%6f%63%73'],
      ['percent-encoded unreserved characters, upper-case hex', '/%64%6F%63%73'],
    ])('%s is routed by its path', async (_, target) => {
      const res = await get(target, `Authorization: ${bearer}`)
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body).subject).toBe(`bearer-user via ${bearer}`)
    })

    it.each([
      ['an encoded slash', '/%2Fdocs'],
      ['an encoded reserved character', '/docs%3F'],
    ])('%s is not normalized into a route (404)', async (_, target) => {
      expect((await get(target, `Authorization: ${bearer}`)).status).toBe(404)
    })

    it('form fields named like Object.prototype members reach the handler as ordinary strings', async () => {
      const body = 'toString=x&constructor=y&hasOwnProperty=z&__proto__=w&valueOf=v&a=1&a=2'
      const res = await rawRequest(
        server.port,
        ['POST /notes HTTP/1.1', 'Host: api.test', `Authorization: ${bearer}`, 'Content-Type: application/x-www-form-urlencoded'],
        body,
      )
      expect(res.status).toBe(400)
      // `a` is repeated, so it is an array: the schema (string values) names it, nothing else.
      expect(JSON.parse(res.body)['invalid-params']).toEqual([{ name: 'a', reason: expect.any(String), in: 'body', pointer: '#/a' }])
      const ok = await rawRequest(
        server.port,
        ['POST /notes HTTP/1.1', 'Host: api.test', `Authorization: ${bearer}`, 'Content-Type: application/x-www-form-urlencoded'],
        'toString=x&constructor=y&hasOwnProperty=z&valueOf=v',
      )
      expect(ok.status).toBe(200)
      expect(JSON.parse(ok.body)).toEqual({
        toString: 'x',
        constructor: 'y',
        hasOwnProperty: 'z',
        valueOf: 'v',
        described: '4 fields: toString,x,constructor,y,hasOwnProperty,z,valueOf,v',
      })
    })

    it('a __proto__ field is data: it neither changes the prototype nor becomes an inherited value', async () => {
      const res = await rawRequest(
        server.port,
        ['POST /notes HTTP/1.1', 'Host: api.test', `Authorization: ${bearer}`, 'Content-Type: application/x-www-form-urlencoded'],
        '__proto__=w&b=2',
      )
      expect(res.status).toBe(200)
      const body = JSON.parse(res.body)
      expect(body.b).toBe('2')
      // The form parser keeps it as an own key; the body schema (zod) then leaves it out, as it
      // does for JSON bodies: a handler never gets a changed prototype or an inherited value.
      expect(body).toEqual({ b: '2', described: '1 fields: b,2' })
      expect(Object.keys(body)).toEqual(['b', 'described'])
    })
  })
}
