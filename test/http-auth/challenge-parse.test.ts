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

describe('large values', () => {
  it('unescapes a quoted-string longer than the scratch chunk, escapes straddling chunk boundaries', () => {
    const unit = 'a\\"b\\\\c,=\u00e9'
    const raw = unit.repeat(5000)
    const expected = 'a"b\\c,=\u00e9'.repeat(5000)
    const [c] = parseChallenges(`Bearer error_description="${raw}", error="x"`)
    expect(c!.params.error_description).toBe(expected)
    expect(c!.params.error).toBe('x')
  })

  it('accepts many parameters and still finds a late duplicate', () => {
    const params = Array.from({ length: 5000 }, (_, i) => `p${i}="=,\\""`).join(', ')
    expect(Object.keys(parseChallenges(`Bearer ${params}`)[0]!.params)).toHaveLength(5000)
    let thrown: unknown
    try {
      parseChallenges(`Bearer ${params}, P3=1`)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ChallengeParseError)
    expect((thrown as ChallengeParseError).code).toBe('duplicate-parameter')
    expect((thrown as ChallengeParseError).offset).toBe(`Bearer ${params}, `.length)
  })

  it('keeps a huge input off the enumerable error properties', () => {
    const input = `Basic realm="${'x'.repeat(100_000)}`
    try {
      parseChallenges(input)
    } catch (error) {
      expect((error as ChallengeParseError).input).toBe(input)
      expect(Object.keys(error as object)).not.toContain('input')
    }
    expect.assertions(2)
  })
})
