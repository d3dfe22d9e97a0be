// WWW-Authenticate = #challenge; challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
// (RFC 9110 §11.2, §11.6.1). Commas separate both challenges and the
// auth-params of one challenge, so each list element is classified by what
// follows its leading token: `token BWS "=" BWS value` is a parameter of the
// current challenge, anything else starts a new challenge.
//
// This parser runs in browsers, once per 401/403, so it is written for size:
// three sticky regular expressions (token, quoted-string, token68) and a few
// character tests; where the quoted-string expression stops says, on failure,
// which error it is. Names are fresh lowercased slices (interning the registered
// ones saved time but cost a quarter of a kilobyte in every browser bundle).
// Every expression is a chain of character classes whose alternatives start with
// different characters, so a failed match backtracks at most over what it read:
// time stays linear in the input (bench/http-auth.ts measures it up to 1 MB).

import type { SyntaxErrorCode } from '../lib/scan.js'
import { setParam } from '../lib/params.js'
import { unescape } from '../lib/unescape.js'
import { ChallengeParseError, type Challenge } from './types.js'

// tchar is [\w!#$%&'*+.^`|~-]; qdtext [\t !#-[\]-~\x80-\xff]; the character after a backslash [\t -~\x80-\xff].
const TOKEN = /[\w!#$%&'*+.^`|~-]*/y
// A quoted-string up to its closing quote: what follows where it stops is that quote, or
// the error (the end, a character qdtext excludes, or a backslash before one).
const QUOTED = /"[\t !#-[\]-~\x80-\xff]*(?:\\[\t -~\x80-\xff][\t !#-[\]-~\x80-\xff]*)*/y
// token68 (RFC 9110 §11.2), only as a whole list element: OWS and then a comma or the end must follow.
const TOKEN68 = /[\w.~+/-]+=*(?=[ \t]*(?:,|$))/y

// The value being parsed; a module variable rather than a closure so that a
// parse allocates nothing but its result and the matches.
let input = ''

function fail(offset: number, code: SyntaxErrorCode): never {
  throw new ChallengeParseError(code, offset, input)
}

/** Where the sticky `re` stops matching `input` from `i`; -1 when it does not match there. */
function at(re: RegExp, i: number): number {
  re.lastIndex = i
  return re.test(input) ? re.lastIndex : -1
}

/** The end of the optional whitespace at `i` (and of list separators too, with `also` = 44, a comma). */
function ows(i: number, also = 9): number {
  for (let c; (c = input.charCodeAt(i)) === 32 || c === 9 || c === also; ) i++
  return i
}

/**
 * Parses a `WWW-Authenticate` (or `Proxy-Authenticate`) field value into its
 * challenges (RFC 9110 §11.2, §11.6.1), throwing {@link ChallengeParseError}
 * with the offending offset on malformed input — never a partial result.
 * @example parseChallenges('Bearer realm="api", error="invalid_token"')
 */
export function parseChallenges(fieldValue: string): Challenge[] {
  const s = (input = fieldValue)
  const n = s.length
  const out: Challenge[] = []
  // The challenge whose auth-param list is open (it had 1*SP after its scheme and no token68).
  let current: Challenge | undefined
  // Right after `scheme 1*SP`, the element must be an auth-param or, failing that, a token68.
  let afterScheme = false
  for (let i = 0; (i = ows(i, 44)) < n; ) {
    const start = i
    // The element's leading token and, if `BWS "=" BWS ( token / quoted-string )` follows, its value.
    const end = at(TOKEN, start)
    let j = ows(end)
    let v = -1
    let k = -1
    // Where QUOTED stopped, when the value opens with a quote.
    let q = -1
    if (end > start && s[j] === '=') k = s[(v = ows(j + 1))] === '"' ? (s[(q = at(QUOTED, v))] === '"' ? q + 1 : -1) : at(TOKEN, v)
    const after = afterScheme
    afterScheme = false
    if (k > v) {
      if (!current) fail(start, 'parameter-without-challenge')
      const name = s.slice(start, end).toLowerCase()
      if (Object.hasOwn(current.params, name)) fail(start, 'duplicate-parameter')
      const quoted = s[v] === '"'
      const value = quoted ? s.slice(v + 1, k - 1) : s.slice(v, k)
      setParam(current.params, name, quoted && value.includes('\\') ? unescape(value) : value)
      i = ows(k)
      if (i < n && s[i] !== ',') fail(i, 'expected-comma')
      continue
    }
    // Not an auth-param: where the auth-param reading fails, a token68 is the only other reading.
    const t68 = after ? at(TOKEN68, start) : -1
    if (t68 >= 0) {
      current!.token68 = s.slice(start, t68)
      current = undefined
      i = t68
      continue
    }
    if (end === start) fail(start, 'expected-token')
    if (s[j] === '=') {
      if (!current) fail(start, 'parameter-without-challenge')
      if (q >= 0) {
        // A backslash stopped it: the character it escapes is the offender, or the end came first.
        const e = q + (s[q] === '\\' ? 1 : 0)
        if (e >= n) fail(n, 'unterminated-quoted-string')
        fail(e, 'invalid-character')
      }
      fail(v, 'expected-value')
    }
    // After `scheme 1*SP` a lone token that is no token68 is an auth-param missing its "=".
    if (after) fail(j, 'expected-equals')
    const challenge: Challenge = { scheme: s.slice(start, end).toLowerCase(), params: {} }
    out.push(challenge)
    current = undefined
    const c = s[end]
    if (c === ',' || end >= n) {
      i = end
      continue
    }
    if (c !== ' ') {
      if (c !== '\t') fail(end, 'unexpected-character')
      // OWS before the list comma; no parameters can follow a tab.
      i = j
      if (i < n && s[i] !== ',') fail(i, 'expected-comma')
      continue
    }
    for (k = end; s[k] === ' '; ) k++
    i = ows(k)
    current = challenge
    // `scheme 1*SP` then an empty list element (a comma or the end): later params still belong here.
    if (i < n && s[i] !== ',') {
      if (i !== k) fail(k, 'unexpected-character')
      afterScheme = true
    }
  }
  return out
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
