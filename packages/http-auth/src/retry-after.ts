// RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const M = MONTHS.join('|')
// The three HTTP-date forms of RFC 9110 §5.6.7, anchored and without nested
// quantifiers (so no backtracking). Date.parse is not used: it reads asctime
// as local time and rolls "31 Feb" over into March.
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${M}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`)
const RFC850 = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${M})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`)
const ASCTIME = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${M}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`)

function utc(year: number, month: string, day: string, h: string, m: string, s: string): number | undefined {
  const mon = MONTHS.indexOf(month)
  const d = Number(day.trim())
  const t = Date.UTC(year, mon, d, Number(h), Number(m), Number(s))
  const check = new Date(t)
  // Reject what Date.UTC would silently roll over (31 Feb, 25:00, leap second 60).
  if (check.getUTCDate() !== d || check.getUTCHours() !== Number(h) || check.getUTCMinutes() !== Number(m) || check.getUTCSeconds() !== Number(s)) {
    return undefined
  }
  return t
}

function parseHttpDate(v: string, now: number): number | undefined {
  let g = IMF_FIXDATE.exec(v)
  if (g) return utc(Number(g[3]), g[2]!, g[1]!, g[4]!, g[5]!, g[6]!)
  g = ASCTIME.exec(v)
  if (g) return utc(Number(g[6]), g[1]!, g[2]!, g[3]!, g[4]!, g[5]!)
  g = RFC850.exec(v)
  if (!g) return undefined
  // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future means the most recent past year with those digits.
  const yy = Number(g[3])
  const thisYear = new Date(now).getUTCFullYear()
  let year = thisYear - (thisYear % 100) + yy
  if (year > thisYear + 50) year -= 100
  return utc(year, g[2]!, g[1]!, g[4]!, g[5]!, g[6]!)
}

/**
 * Milliseconds to wait before retrying, from a `Retry-After` value
 * (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date measured from `now`
 * (0 when already past); undefined for anything else.
 * @example parseRetryAfter('120') // 120000
 */
export function parseRetryAfter(value: string | null | undefined, now: number | Date = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined
  const v = value.trim()
  if (v.length === 0 || v.length > 64) return undefined
  if (/^[0-9]+$/.test(v)) {
    const ms = Number(v) * 1000
    return Number.isSafeInteger(ms) ? ms : undefined
  }
  const base = typeof now === 'number' ? now : now.getTime()
  if (!Number.isFinite(base)) return undefined
  const date = parseHttpDate(v, base)
  return date === undefined ? undefined : Math.max(0, date - base)
}
