import { BACKSLASH, CHAR, DQUOTE, QPAIR, isToken, isToken68 } from '../lib/chars.js'
import type { Challenge } from './types.js'

// Registered spellings (IANA HTTP Authentication Scheme Registry) so a
// normalized, lowercased challenge is written the way peers expect to read it;
// parsing is case-insensitive, so the round trip is unaffected.
const SPELLING = new Map<string, string>(Object.entries({
  basic: 'Basic',
  bearer: 'Bearer',
  concealed: 'Concealed',
  digest: 'Digest',
  dpop: 'DPoP',
  hoba: 'HOBA',
  mutual: 'Mutual',
  negotiate: 'Negotiate',
  oauth: 'OAuth',
  privatetoken: 'PrivateToken',
  'scram-sha-1': 'SCRAM-SHA-1',
  'scram-sha-256': 'SCRAM-SHA-256',
}))

/** Writes `value` as a quoted-string (RFC 9110 §5.6.4), or throws `TypeError` when no quoted-string can carry it. */
export function quote(value: string): string {
  let out = '"'
  let seg = 0
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c > 0xff || (CHAR[c]! & QPAIR) === 0) {
      throw new TypeError(`character U+${c.toString(16).padStart(4, '0')} cannot be sent in a header field value`)
    }
    if (c === DQUOTE || c === BACKSLASH) {
      out += value.slice(seg, i) + '\\'
      seg = i
    }
  }
  return out + value.slice(seg) + '"'
}

// RFC 7616 §3.3: "a sender MUST only generate the quoted string syntax values
// for the following parameters: realm, domain, nonce, opaque, and qop" — every
// other Digest parameter (algorithm, stale, charset, userhash) goes out as a token.
const ONLY_QUOTED = new Map<string, ReadonlySet<string>>([['digest', new Set(['realm', 'domain', 'nonce', 'opaque', 'qop'])]])

/**
 * Serializes one challenge (RFC 9110 §11.2). Every value is written as a
 * quoted-string — the form the RFC 6750, 7617, 9449 and 9470 examples use and
 * the only one naive peers match — except where a scheme forbids it (Digest
 * parameters other than realm, domain, nonce, opaque and qop, RFC 7616 §3.3,
 * when they are tokens). Throws `TypeError` for anything that cannot be
 * represented (a non-token scheme or name, CR/LF/NUL or characters above
 * U+00FF, a token68 together with parameters, names repeated case-insensitively).
 * @example formatChallenge({ scheme: 'bearer', params: { realm: 'api' } }) // 'Bearer realm="api"'
 */
export function formatChallenge(c: Challenge): string {
  if (!isToken(c.scheme)) throw new TypeError(`auth-scheme ${JSON.stringify(c.scheme)} is not a token`)
  const scheme = SPELLING.get(c.scheme) ?? c.scheme
  const names = Object.keys(c.params)
  if (c.token68 !== undefined) {
    if (!isToken68(c.token68)) throw new TypeError(`${JSON.stringify(c.token68)} is not a token68`)
    if (names.length > 0) throw new TypeError('a challenge carries either a token68 or auth-params, not both')
    return `${scheme} ${c.token68}`
  }
  if (names.length === 0) return scheme
  const onlyQuoted = ONLY_QUOTED.get(c.scheme.toLowerCase())
  const seen = new Set<string>()
  let out = scheme + ' '
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (!isToken(name)) throw new TypeError(`auth-param name ${JSON.stringify(name)} is not a token`)
    const key = name.toLowerCase()
    if (seen.has(key)) throw new TypeError(`auth-param ${JSON.stringify(name)} appears twice`)
    seen.add(key)
    const value = c.params[name]
    if (typeof value !== 'string') throw new TypeError(`auth-param ${JSON.stringify(name)} is not a string`)
    if (i > 0) out += ', '
    out += name + '=' + (onlyQuoted !== undefined && !onlyQuoted.has(key) && isToken(value) ? value : quote(value))
  }
  return out
}

/** Serializes several challenges as one field value, separated by ", " (RFC 9110 §11.6.1). */
export function formatChallenges(cs: readonly Challenge[]): string {
  return cs.map(formatChallenge).join(', ')
}
