// RFC 9110 §11.6.2: Authorization = credentials;
// credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]

import { COMMA, DQUOTE, EQUALS, SP } from './lib/chars.js'
import { quotedEnd, quotedValue, skipOws, token68End, tokenEnd, type Fail, type SyntaxErrorCode } from './lib/scan.js'
import { lowerSlice } from './lib/intern.js'
import { setParam } from './lib/params.js'
import { HeaderSyntaxError } from './lib/syntax-error.js'

/** The credentials of an `Authorization` (or `Proxy-Authorization`) field (RFC 9110 §11.4); `scheme` is lowercased. */
export type Credentials = { scheme: string; token68?: string; params: Record<string, string> }

/** Discriminant of {@link CredentialsParseError}. */
export type CredentialsParseErrorCode = SyntaxErrorCode

/** Thrown by `parseAuthorization` for malformed credentials, with the offset where parsing stopped (RFC 9110 §11.6.2). */
export class CredentialsParseError extends HeaderSyntaxError {
  override readonly name = 'CredentialsParseError'
}

/**
 * Parses an `Authorization` field value (RFC 9110 §11.6.2). `Bearer a b` is
 * malformed; a bare `Bearer` parses with no token68, which callers treat as
 * missing credentials of that scheme.
 * @example parseAuthorization('Bearer mF_9.B5f-4.1JqM') // { scheme: 'bearer', token68: 'mF_9.B5f-4.1JqM', params: {} }
 */
export function parseAuthorization(value: string): Credentials {
  const s = value
  const n = s.length
  const fail: Fail = (offset: number, code: SyntaxErrorCode): never => {
    throw new CredentialsParseError(code, offset, s)
  }
  let i = skipOws(s, 0)
  const start = i
  i = tokenEnd(s, i)
  if (i === start) fail(start, 'expected-token')
  const credentials: Credentials = { scheme: lowerSlice(s, start, i), params: {} }
  if (skipOws(s, i) >= n) return credentials
  if (s.charCodeAt(i) !== SP) fail(i, 'unexpected-character')
  while (i < n && s.charCodeAt(i) === SP) i++
  const t68 = token68End(s, i)
  if (t68 >= 0) {
    // token68End accepts a following comma (a list separator in WWW-Authenticate); credentials are not a list.
    const end = skipOws(s, t68)
    if (end < n) fail(end, 'unexpected-character')
    credentials.token68 = s.slice(i, t68)
    return credentials
  }
  // #auth-param: empty elements allowed, every non-empty element is name BWS "=" BWS value.
  const params = credentials.params
  for (;;) {
    i = skipOws(s, i)
    if (i >= n) break
    if (s.charCodeAt(i) === COMMA) {
      i++
      continue
    }
    const nameStart = i
    i = tokenEnd(s, i)
    if (i === nameStart) fail(nameStart, 'expected-token')
    const name = lowerSlice(s, nameStart, i)
    let j = skipOws(s, i)
    if (j >= n || s.charCodeAt(j) !== EQUALS) fail(j, 'expected-equals')
    j = skipOws(s, j + 1)
    let v: string
    if (j < n && s.charCodeAt(j) === DQUOTE) {
      i = quotedEnd(s, j, fail)
      v = quotedValue
    } else {
      i = tokenEnd(s, j)
      if (i === j) fail(j, 'expected-value')
      v = s.slice(j, i)
    }
    if (Object.hasOwn(params, name)) fail(nameStart, 'duplicate-parameter')
    setParam(params, name, v)
    i = skipOws(s, i)
    if (i < n && s.charCodeAt(i) !== COMMA) fail(i, 'expected-comma')
  }
  return credentials
}
