import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ChallengeParseError,
  CredentialsParseError,
  decodeBasicCredentials,
  encodeBasicCredentials,
  formatChallenge,
  formatChallenges,
  parseAuthorization,
  parseChallenges,
  parseProblem,
  type Challenge,
} from '@gatehouse/http-auth'

const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz"
const lowerToken = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 })
// Everything a quoted-string can carry: HTAB, SP, VCHAR, obs-text (RFC 9110 §5.6.4).
const representable = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', ' ', '\t', ',', '=', 'a', 'Z', '\u00e9', '\u00ff'),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 20,
})
const token68 = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'aZ09-._~+/'), minLength: 1, maxLength: 16 }), fc.integer({ min: 0, max: 3 }))
  .map(([body, pad]) => body + '='.repeat(pad))

const challenge: fc.Arbitrary<Challenge> = fc.oneof(
  fc.record({ scheme: lowerToken, params: fc.dictionary(lowerToken, representable, { maxKeys: 5, noNullPrototype: true }) }, { noNullPrototype: true }),
  fc.record({ scheme: lowerToken, params: fc.constant({}), token68 }, { noNullPrototype: true }),
)

// Inputs biased towards the grammar's delimiters so the parser's branches are all reached.
const headerish = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('Basic', 'Bearer', 'realm', 'a', 'b=', ' ', ',', '=', '"', '\\', '\t', '/', '==', 'x=y') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
  ),
  maxLength: 40,
})

describe('properties', () => {
  it('format → parse is the identity on representable challenges', () => {
    fc.assert(
      fc.property(fc.array(challenge, { maxLength: 4 }), (cs) => {
        expect(parseChallenges(formatChallenges(cs))).toStrictEqual(cs)
      }),
      { numRuns: 500 },
    )
  })

  it('formatChallenge either writes a parseable challenge or throws TypeError', () => {
    const anyChallenge = fc.record({
      scheme: fc.string({ maxLength: 6 }),
      params: fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 6 }), { maxKeys: 3, noNullPrototype: true }),
    })
    fc.assert(
      fc.property(anyChallenge, (c) => {
        let out: string
        try {
          out = formatChallenge(c)
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError)
          return
        }
        expect(parseChallenges(out)).toHaveLength(1)
      }),
      { numRuns: 500 },
    )
  })

  it('parseChallenges on arbitrary strings returns challenges or throws ChallengeParseError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(headerish, fc.string({ unit: 'binary', maxLength: 30 })), (s) => {
        try {
          const result = parseChallenges(s)
          expect(Array.isArray(result)).toBe(true)
          // What parsed must survive a second trip through the formatter unchanged.
          expect(parseChallenges(formatChallenges(result))).toStrictEqual(result)
        } catch (error) {
          if (!(error instanceof ChallengeParseError)) throw error
          expect(error.offset).toBeGreaterThanOrEqual(0)
          expect(error.offset).toBeLessThanOrEqual(s.length)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('parseAuthorization on arbitrary strings returns credentials or throws CredentialsParseError', () => {
    fc.assert(
      fc.property(headerish, (s) => {
        try {
          expect(typeof parseAuthorization(s).scheme).toBe('string')
        } catch (error) {
          if (!(error instanceof CredentialsParseError)) throw error
          expect(error.offset).toBeLessThanOrEqual(s.length)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('parseProblem on arbitrary JSON never throws and always normalizes', () => {
    const validationish = fc.record(
      {
        type: fc.jsonValue(),
        status: fc.oneof(fc.integer(), fc.jsonValue()),
        'invalid-params': fc.oneof(fc.jsonValue(), fc.array(fc.record({ name: fc.jsonValue(), reason: fc.jsonValue(), pointer: fc.jsonValue() }, { requiredKeys: [] }))),
        errors: fc.oneof(fc.jsonValue(), fc.array(fc.record({ detail: fc.jsonValue(), pointer: fc.oneof(fc.string(), fc.jsonValue()), name: fc.jsonValue() }, { requiredKeys: [] }))),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), validationish, fc.anything()), (value) => {
        const p = parseProblem(value)
        expect(typeof p.type).toBe('string')
        for (const ip of p.invalidParams) {
          expect(typeof ip.name).toBe('string')
          expect(typeof ip.reason).toBe('string')
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('Basic credentials round-trip for any username without ":"', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((u) => !u.includes(':')), fc.string({ unit: 'grapheme' }), (username, password) => {
        expect(decodeBasicCredentials(encodeBasicCredentials(username, password))).toStrictEqual({ username, password })
      }),
    )
  })
})
