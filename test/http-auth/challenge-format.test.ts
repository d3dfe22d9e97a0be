import { describe, expect, it } from 'vitest'
import { formatChallenge, formatChallenges, parseChallenges, type Challenge } from '@gatehouse/http-auth'

describe('formatChallenge', () => {
  it.each<[Challenge, string]>([
    [{ scheme: 'basic', params: {} }, 'Basic'],
    [{ scheme: 'basic', params: { realm: 'simple' } }, 'Basic realm="simple"'],
    [{ scheme: 'bearer', params: { realm: 'api', error: 'invalid_token' } }, 'Bearer realm="api", error="invalid_token"'],
    [{ scheme: 'dpop', params: { algs: 'ES256 PS256' } }, 'DPoP algs="ES256 PS256"'],
    [{ scheme: 'negotiate', params: {}, token68: 'YII+/w==' }, 'Negotiate YII+/w=='],
    [{ scheme: 'newauth', params: { title: 'Login to "apps"', path: 'C:\\x' } }, 'newauth title="Login to \\"apps\\"", path="C:\\\\x"'],
    [{ scheme: 'Custom-Scheme', params: { empty: '' } }, 'Custom-Scheme empty=""'],
    [
      { scheme: 'digest', params: { realm: 'r', algorithm: 'SHA-256', stale: 'true', qop: 'auth', charset: 'UTF-8', userhash: 'false', nonce: 'abc', domain: '/a /b' } },
      'Digest realm="r", algorithm=SHA-256, stale=true, qop="auth", charset=UTF-8, userhash=false, nonce="abc", domain="/a /b"',
    ],
    [{ scheme: 'basic', params: { realm: 'caf\u00e9\ttab' } }, 'Basic realm="caf\u00e9\ttab"'],
  ])('%j → %s', (challenge, expected) => {
    expect(formatChallenge(challenge)).toBe(expected)
  })

  it.each<[string, Challenge]>([
    ['CR in a value', { scheme: 'basic', params: { realm: 'a\rb' } }],
    ['LF in a value', { scheme: 'basic', params: { realm: 'a\nb' } }],
    ['NUL in a value', { scheme: 'basic', params: { realm: '\u0000' } }],
    ['DEL in a value', { scheme: 'basic', params: { realm: '\u007f' } }],
    ['non-Latin-1 in a value', { scheme: 'basic', params: { realm: '\u20ac' } }],
    ['empty scheme', { scheme: '', params: {} }],
    ['scheme with a space', { scheme: 'a b', params: {} }],
    ['param name with =', { scheme: 'x', params: { 'a=b': 'c' } }],
    ['names repeated case-insensitively', { scheme: 'x', params: { realm: 'a', REALM: 'b' } }],
    ['token68 with params', { scheme: 'x', params: { a: 'b' }, token68: 'abc' }],
    ['invalid token68', { scheme: 'x', params: {}, token68: 'a b' }],
    ['empty token68', { scheme: 'x', params: {}, token68: '' }],
  ])('throws TypeError for %s', (_name, challenge) => {
    expect(() => formatChallenge(challenge)).toThrow(TypeError)
  })

  it('writes several challenges as one list that parses back', () => {
    const cs: Challenge[] = [
      { scheme: 'bearer', params: { realm: 'api', scope: 'a b' } },
      { scheme: 'negotiate', params: {}, token68: 'abc=' },
      { scheme: 'basic', params: {} },
    ]
    const value = formatChallenges(cs)
    expect(value).toBe('Bearer realm="api", scope="a b", Negotiate abc=, Basic')
    expect(parseChallenges(value)).toStrictEqual(cs)
    expect(formatChallenges([])).toBe('')
  })
})
