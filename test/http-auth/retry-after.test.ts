import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '@gatehouse/http-auth'

// RFC 9110 §5.6.7's example date: Sun, 06 Nov 1994 08:49:37 GMT.
const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37)

describe('parseRetryAfter', () => {
  it.each<[string, number]>([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['007', 7_000],
  ])('delay-seconds %j', (value, ms) => {
    expect(parseRetryAfter(value)).toBe(ms)
  })

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['obsolete RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
  ])('HTTP-date in %s form', (_form, value) => {
    expect(parseRetryAfter(value, EXAMPLE - 30_000)).toBe(30_000)
    expect(parseRetryAfter(value, new Date(EXAMPLE - 1))).toBe(1)
  })

  it('returns 0 for a date in the past', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', EXAMPLE + 10_000)).toBe(0)
  })

  it('reads a two-digit year within 50 years of now', () => {
    const now = Date.UTC(2026, 0, 1)
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:01:00 GMT', now)).toBe(60_000)
  })

  it.each([null, undefined, '', 'soon', '-1', '1.5', '1e3', '0x10', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 UTC', '06 Nov 1994 08:49:37 GMT', '9'.repeat(400)])(
    'undefined for %j',
    (value) => {
      expect(parseRetryAfter(value, EXAMPLE)).toBeUndefined()
    },
  )
})
