// WWW-Authenticate = #challenge; challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
// (RFC 9110 §11.2, §11.6.1). Commas separate both challenges and the
// auth-params of one challenge, so each list element is classified by what
// follows its leading token: `token BWS "="` is a parameter of the current
// challenge, anything else starts a new challenge.

import { COMMA, EQUALS, DQUOTE, HTAB, SP } from '../lib/chars.js'
import { knownEnd, knownName, lowerSlice } from '../lib/intern.js'
import { hasParam, quotedEnd, quotedValue, setParam, skipOws, token68End, tokenEnd, type SyntaxErrorCode } from '../lib/scan.js'
import { ChallengeParseError, type Challenge } from './types.js'

// The value being parsed, for the error; a module variable rather than a
// closure so that a parse allocates nothing but its result.
let input = ''
// Names of the challenge being read, for the duplicate check (RFC 9110 §11.2).
const names: string[] = []
let count = 0
function fail(offset: number, code: SyntaxErrorCode): never {
  throw new ChallengeParseError(code, offset, input)
}

/**
 * Parses a `WWW-Authenticate` (or `Proxy-Authenticate`) field value into its
 * challenges (RFC 9110 §11.2, §11.6.1), throwing {@link ChallengeParseError}
 * with the offending offset on malformed input — never a partial result.
 * @example parseChallenges('Bearer realm="api", error="invalid_token"')
 */
export function parseChallenges(fieldValue: string): Challenge[] {
  const s = fieldValue
  const n = s.length
  input = s
  const out: Challenge[] = []
  // The challenge whose auth-param list is open (it had 1*SP after its scheme and no token68).
  let current: Challenge | undefined
  // Right after `scheme 1*SP`, the next element must be an auth-param.
  let mustBeParam = false
  let t68 = -1
  let i = 0
  for (;;) {
    i = skipOws(s, i)
    if (i >= n) break
    if (s.charCodeAt(i) === COMMA) {
      i++
      mustBeParam = false
      continue
    }
    const start = i
    const known = knownName(s, i)
    i = known === undefined ? tokenEnd(s, i) : knownEnd
    // Right after `scheme 1*SP` the element is read as an auth-param first (the
    // common case, scanned once); only where that reading fails can it be a
    // token68 — the two readings never both succeed.
    if (i === start) {
      if (mustBeParam && (t68 = token68End(s, start)) >= 0) {
        i = takeToken68(current!, start, t68)
        current = undefined
        mustBeParam = false
        continue
      }
      fail(start, 'expected-token')
    }
    let j = skipOws(s, i)
    if (j < n && s.charCodeAt(j) === EQUALS) {
      if (current === undefined) fail(start, 'parameter-without-challenge')
      const nameEnd = i
      j = skipOws(s, j + 1)
      let value: string
      if (j < n && s.charCodeAt(j) === DQUOTE) {
        i = quotedEnd(s, j, fail)
        value = quotedValue
      } else {
        i = tokenEnd(s, j)
        if (i === j) {
          // `realm=` or `abc==`: no value, so a token68 with padding if anything.
          if (mustBeParam && (t68 = token68End(s, start)) >= 0) {
            i = takeToken68(current!, start, t68)
            current = undefined
            mustBeParam = false
            continue
          }
          fail(j, 'expected-value')
        }
        value = s.slice(j, i)
      }
      const name = known ?? lowerSlice(s, start, nameEnd)
      const params = current!.params
      // A short scan of this challenge's names is cheaper than a keyed lookup
      // on objects of ever-changing shapes; long lists switch to the lookup so
      // the total stays linear.
      if (count < 16) {
        for (let k = 0; k < count; k++) if (names[k] === name) fail(start, 'duplicate-parameter')
        names[count] = name
      } else if (hasParam(params, name)) fail(start, 'duplicate-parameter')
      count++
      setParam(params, name, value)
      mustBeParam = false
      i = skipOws(s, i)
      if (i < n && s.charCodeAt(i) !== COMMA) fail(i, 'expected-comma')
      continue
    }
    if (mustBeParam) {
      if ((t68 = token68End(s, start)) >= 0) {
        i = takeToken68(current!, start, t68)
        current = undefined
        mustBeParam = false
        continue
      }
      fail(j, 'expected-equals')
    }
    const challenge: Challenge = { scheme: known ?? lowerSlice(s, start, i), params: {} }
    out.push(challenge)
    current = undefined
    count = 0
    if (i >= n) break
    const c = s.charCodeAt(i)
    if (c === COMMA) continue
    if (c !== SP) {
      if (c !== HTAB) fail(i, 'unexpected-character')
      // OWS before the list comma; no parameters can follow a tab.
      i = skipOws(s, i)
      if (i < n && s.charCodeAt(i) !== COMMA) fail(i, 'expected-comma')
      continue
    }
    let k = i
    while (k < n && s.charCodeAt(k) === SP) k++
    const afterWs = skipOws(s, k)
    if (afterWs >= n || s.charCodeAt(afterWs) === COMMA) {
      // `scheme 1*SP` followed by an empty auth-param list element: later params still belong here.
      current = challenge
      i = afterWs
      continue
    }
    if (afterWs !== k) fail(k, 'unexpected-character')
    current = challenge
    mustBeParam = true
    i = k
  }
  return out
}

function takeToken68(challenge: Challenge, start: number, end: number): number {
  challenge.token68 = input.slice(start, end)
  return end
}

/**
 * Parses every `WWW-Authenticate` line of `headers`; fetch's `Headers.get`
 * joins repeated lines with ", ", which the list grammar of RFC 9110 §5.6.1
 * makes equivalent to one line.
 */
export function parseChallengesFromHeaders(headers: Headers): Challenge[] {
  const value = headers.get('www-authenticate')
  return value === null ? [] : parseChallenges(value)
}
