// The Authorization fast path against http-auth's parser, the reference it must agree with.
import { parseAuthorization } from '@gatehouse/http-auth'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readAuthorization, simpleAuthorization } from '../../packages/server/src/credentials.js'

// Token and token68 characters, and the ones that make a field something else (a non-ASCII one too).
const alphabet = fc.constantFrom(...'aZ09-._~+/=!#$%&\'*^`|, \t"\\;'.split(''), 'Bearer', 'Basic', ' ', 'é')
const field = fc.oneof(
  fc.array(alphabet, { maxLength: 24 }).map((parts) => parts.join('')),
  // Mostly the shape itself, with near misses: a scheme, spaces, then token68 characters and "="s.
  fc.stringMatching(/^[A-Za-z!|]{1,8}( |  )?[-._~+\/0-9A-Za-z=,]{0,12}$/),
)

describe('simpleAuthorization', () => {
  it('reads a field exactly as http-auth parses it, or leaves it to the parser', () => {
    let taken = 0
    fc.assert(
      fc.property(field, (value) => {
        const simple = simpleAuthorization(value)
        if (simple === undefined) return
        taken++
        const parsed = parseAuthorization(value)
        expect(simple).toEqual({ scheme: parsed.scheme, token68: parsed.token68, empty: false })
      }),
      { numRuns: 5000 },
    )
    expect(taken).toBeGreaterThan(100)
  })

  it('takes the common shapes and leaves the others', () => {
    expect(simpleAuthorization('Bearer mF_9.B5f-4.1JqM')).toEqual({ scheme: 'bearer', token68: 'mF_9.B5f-4.1JqM', empty: false })
    expect(simpleAuthorization('DPoP abc==')).toEqual({ scheme: 'dpop', token68: 'abc==', empty: false })
    for (const other of ['Bearer  two', 'Bearer a b', 'Bearer', 'Bearer ', 'Bearer a=b', 'Bearer\ta', ' Bearer a', 'Bearer a,']) {
      expect(simpleAuthorization(other)).toBeUndefined()
    }
    // Those still get their answer from the parser.
    expect(readAuthorization('Bearer  two')).toEqual({ scheme: 'bearer', token68: undefined, empty: false })
    expect(readAuthorization('Bearer')).toEqual({ scheme: 'bearer', token68: undefined, empty: true })
  })
})
