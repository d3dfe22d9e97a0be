// The single-pass pieces shared by the WWW-Authenticate and Authorization
// parsers. Each function takes the input and a position and returns the
// position after what it read, so the callers stay allocation-free until they
// slice out a result.

import { BACKSLASH, CHAR, DQUOTE, HTAB, QPAIR, SP, T68, TCHAR, EQUALS } from './chars.js'
import { unescape } from './unescape.js'

/** Why a header value is malformed; shared by challenge and credentials parse errors. */
export type SyntaxErrorCode =
  | 'expected-token'
  | 'expected-value'
  | 'expected-equals'
  | 'expected-comma'
  | 'unexpected-character'
  | 'unterminated-quoted-string'
  | 'invalid-character'
  | 'duplicate-parameter'
  | 'parameter-without-challenge'

/** Reports a syntax error at `offset`; never returns. */
export type Fail = (offset: number, code: SyntaxErrorCode) => never

/** End of the optional whitespace (`OWS`, RFC 9110 §5.6.3) starting at `i`. */
export function skipOws(s: string, i: number): number {
  const n = s.length
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c !== SP && c !== HTAB) break
    i++
  }
  return i
}

/** End of the run of `tchar` starting at `i` (equal to `i` when there is none). */
export function tokenEnd(s: string, i: number): number {
  const n = s.length
  // Every registered scheme and parameter name is shorter than 24 characters.
  const short = i + 24 < n ? i + 24 : n
  while (i < short) {
    const c = s.charCodeAt(i)
    if (c > 0xff || (CHAR[c]! & TCHAR) === 0) return i
    i++
  }
  if (i === n) return i
  // Long tokens (a token68 read as a name first) continue in native code; see QDTEXT_RUN.
  TOKEN_RUN.lastIndex = i
  TOKEN_RUN.test(s)
  return TOKEN_RUN.lastIndex
}

const TOKEN_RUN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]*/y

const TOKEN68_RUN = /[A-Za-z0-9\-._~+/]*/y

/**
 * End of a token68 starting at `i`, or -1 when what starts there is not a
 * whole token68 list element (it must be followed by OWS and then a comma or
 * the end). `Bearer realm=` is therefore a token68 (`realm=`): an auth-param
 * needs a non-empty value, so the grammar leaves token68 as the only reading.
 */
export function token68End(s: string, i: number): number {
  const n = s.length
  let p = i
  const short = i + 16 < n ? i + 16 : n
  while (p < short) {
    const c = s.charCodeAt(p)
    if (c > 0xff || (CHAR[c]! & T68) === 0) break
    p++
  }
  if (p === short && p < n) {
    // Long tokens (Negotiate, NTLM) continue in native code; see QDTEXT_RUN.
    TOKEN68_RUN.lastIndex = p
    TOKEN68_RUN.test(s)
    p = TOKEN68_RUN.lastIndex
  }
  if (p === i) return -1
  while (p < n && s.charCodeAt(p) === EQUALS) p++
  const q = skipOws(s, p)
  return q === n || s.charCodeAt(q) === 0x2c ? p : -1
}

/** The unescaped text of the last quoted-string read by {@link quotedEnd}. */
export let quotedValue = ''

// One character class under a star, anchored by the sticky flag: a one-state
// automaton that cannot backtrack, which V8 compiles to native code. On quoted
// values (descriptions, nonces, URLs) it runs about three times faster than a
// charCodeAt loop; the loop below only handles where the run stops (the
// closing quote, an escape, or an invalid character).
const QDTEXT_RUN = /[\t\x20\x21\x23-\x5b\x5d-\x7e\x80-\xff]*/y

/**
 * Reads the quoted-string whose opening quote is at `i` (RFC 9110 §5.6.4),
 * leaves its unescaped content in {@link quotedValue} and returns the position
 * after the closing quote. Escapes are validated during the scan and removed
 * afterwards by {@link unescape}.
 */
export function quotedEnd(s: string, i: number, fail: Fail): number {
  const n = s.length
  let k = i + 1
  let escaped = false
  for (;;) {
    QDTEXT_RUN.lastIndex = k
    QDTEXT_RUN.test(s)
    k = QDTEXT_RUN.lastIndex
    if (k >= n) break
    const c = s.charCodeAt(k)
    if (c === DQUOTE) {
      quotedValue = escaped ? unescape(s, i + 1, k) : s.slice(i + 1, k)
      return k + 1
    }
    if (c !== BACKSLASH) fail(k, 'invalid-character')
    if (k + 1 >= n) break
    const d = s.charCodeAt(k + 1)
    if (d > 0xff || (CHAR[d]! & QPAIR) === 0) fail(k + 1, 'invalid-character')
    escaped = true
    k += 2
  }
  return fail(n, 'unterminated-quoted-string')
}
