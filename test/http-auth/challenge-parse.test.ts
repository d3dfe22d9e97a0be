import { describe, expect, it } from 'vitest'
import { ChallengeParseError, parseChallenges, parseChallengesFromHeaders } from '@gatehouse/http-auth'
import { malformed, valid } from './challenge-vectors.js'

describe('parseChallenges vectors', () => {
  it('has at least 80 vectors', () => {
    expect(valid.length + malformed.length).toBeGreaterThanOrEqual(80)
  })

  it.each(valid)('valid: %s', (_name, input, expected) => {
    expect(parseChallenges(input)).toStrictEqual(expected)
  })

  it.each(malformed)('malformed: %s', (_name, input, expected) => {
    let thrown: unknown
    try {
      parseChallenges(input)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ChallengeParseError)
    const error = thrown as ChallengeParseError
    expect({ code: error.code, offset: error.offset }).toStrictEqual(expected)
    expect(error.name).toBe('ChallengeParseError')
    expect(error.input).toBe(input)
    expect(error.message).toContain(`offset ${error.offset}`)
  })
})

describe('parseChallengesFromHeaders', () => {
  it('reads repeated WWW-Authenticate lines as one list', () => {
    const headers = new Headers()
    headers.append('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"')
    headers.append('www-authenticate', 'DPoP algs="ES256"')
    expect(parseChallengesFromHeaders(headers)).toStrictEqual([
      { scheme: 'bearer', params: { realm: 'api', error: 'invalid_token' } },
      { scheme: 'dpop', params: { algs: 'ES256' } },
    ])
  })

  it('returns [] without the header and throws on a malformed one', () => {
    expect(parseChallengesFromHeaders(new Headers())).toStrictEqual([])
    expect(() => parseChallengesFromHeaders(new Headers({ 'www-authenticate': 'Basic realm="x' }))).toThrow(ChallengeParseError)
  })
})
