import { describe, expect, it } from 'vitest'
import { CredentialsParseError, decodeBasicCredentials, encodeBasicCredentials, parseAuthorization, type Credentials, type CredentialsParseErrorCode } from '@gatehouse/http-auth'

describe('parseAuthorization', () => {
  it.each<[string, Credentials]>([
    ['Bearer mF_9.B5f-4.1JqM', { scheme: 'bearer', token68: 'mF_9.B5f-4.1JqM', params: {} }],
    ['bearer abc==', { scheme: 'bearer', token68: 'abc==', params: {} }],
    ['Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', { scheme: 'basic', token68: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==', params: {} }],
    ['  Bearer   tok  ', { scheme: 'bearer', token68: 'tok', params: {} }],
    ['Bearer', { scheme: 'bearer', params: {} }],
    ['Bearer ', { scheme: 'bearer', params: {} }],
    ['DPoP eyJ.x.y', { scheme: 'dpop', token68: 'eyJ.x.y', params: {} }],
    [
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", nc=00000001, qop=auth',
      { scheme: 'digest', params: { username: 'Mufasa', realm: 'http-auth@example.org', uri: '/dir/index.html', nc: '00000001', qop: 'auth' } },
    ],
    ['Newauth A = "x\\"y" ,, b=2', { scheme: 'newauth', params: { a: 'x"y', b: '2' } }],
  ])('%j', (value, expected) => {
    expect(parseAuthorization(value)).toStrictEqual(expected)
  })

  it.each<[string, string, CredentialsParseErrorCode, number]>([
    ['two tokens', 'Bearer a b', 'expected-equals', 9],
    ['empty', '', 'expected-token', 0],
    ['no scheme', ' =abc', 'expected-token', 1],
    ['comma after the token68', 'Bearer abc, def', 'unexpected-character', 10],
    ['tab instead of SP', 'Bearer\tabc', 'unexpected-character', 6],
    ['quoted token', 'Bearer "abc"', 'expected-token', 7],
    ['duplicate param', 'Digest a=1, A=2', 'duplicate-parameter', 12],
    ['unterminated quote', 'Digest a="1', 'unterminated-quoted-string', 11],
    ['junk after a param', 'Digest a=1 b', 'expected-comma', 11],
    ['second scheme', 'Basic abc, Bearer def', 'unexpected-character', 9],
  ])('malformed: %s', (_name, value, code, offset) => {
    let thrown: unknown
    try {
      parseAuthorization(value)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CredentialsParseError)
    const error = thrown as CredentialsParseError
    expect({ code: error.code, offset: error.offset }).toStrictEqual({ code, offset })
    expect(error.input).toBe(value)
    expect(error.name).toBe('CredentialsParseError')
  })
})

describe('Basic credentials (RFC 7617)', () => {
  it('encodes the RFC examples', () => {
    expect(encodeBasicCredentials('Aladdin', 'open sesame')).toBe('QWxhZGRpbjpvcGVuIHNlc2FtZQ==')
    // RFC 7617 §2.1: "test" / "123£" in UTF-8.
    expect(encodeBasicCredentials('test', '123\u00a3')).toBe('dGVzdDoxMjPCow==')
  })

  it('decodes, keeping colons in the password', () => {
    expect(decodeBasicCredentials('dGVzdDoxMjPCow==')).toStrictEqual({ username: 'test', password: '123\u00a3' })
    expect(decodeBasicCredentials(encodeBasicCredentials('u', 'p:a:ss'))).toStrictEqual({ username: 'u', password: 'p:a:ss' })
    expect(decodeBasicCredentials(encodeBasicCredentials('', ''))).toStrictEqual({ username: '', password: '' })
    expect(decodeBasicCredentials(encodeBasicCredentials('\u{1F600}', '\u00e9'))).toStrictEqual({ username: '\u{1F600}', password: '\u00e9' })
  })

  it.each([
    ['no colon', btoa('nocolon')],
    ['not base64', 'a b c'],
    ['missing padding', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ'],
    ['bad alphabet', 'QWxh*GRpbjpv'],
    ['invalid UTF-8', btoa('\u00ff:\u00fe')],
    ['padding in the middle', 'QQ==QQ=='],
  ])('undefined for %s', (_name, token) => {
    expect(decodeBasicCredentials(token)).toBeUndefined()
  })

  it('refuses a username with a colon', () => {
    expect(() => encodeBasicCredentials('a:b', 'c')).toThrow(TypeError)
  })
})
