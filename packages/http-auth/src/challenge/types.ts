import type { SyntaxErrorCode } from '../lib/scan.js'

/**
 * One authentication challenge of a `WWW-Authenticate` or
 * `Proxy-Authenticate` field (RFC 9110 §11.3): a scheme with either a token68
 * or named parameters. Parsed challenges carry lowercased scheme and
 * parameter names and the parameter values as sent (unescaped).
 */
export type Challenge = {
  scheme: string
  params: Record<string, string>
  token68?: string
}

/** Discriminant of {@link ChallengeParseError}: what the parser expected at `offset`. */
export type ChallengeParseErrorCode = SyntaxErrorCode

const MESSAGES: Record<SyntaxErrorCode, string> = {
  'expected-token': 'expected a token',
  'expected-value': 'expected a token or quoted-string value',
  'expected-equals': 'expected "=" after the parameter name',
  'expected-comma': 'expected "," or the end of the value',
  'unexpected-character': 'unexpected character',
  'unterminated-quoted-string': 'unterminated quoted-string',
  'invalid-character': 'character not allowed in a field value',
  'duplicate-parameter': 'parameter named twice in one challenge (RFC 9110 §11.2)',
  'parameter-without-challenge': 'auth-param outside a challenge that takes parameters',
}

/** Human-readable text for a syntax error code. */
export function describeSyntaxError(code: SyntaxErrorCode, offset: number): string {
  return `${MESSAGES[code]} at offset ${offset}`
}

/** Thrown by `parseChallenges` for a malformed `WWW-Authenticate` value; `offset` is where parsing stopped (RFC 9110 §11). */
export class ChallengeParseError extends Error {
  override readonly name = 'ChallengeParseError'
  readonly code: ChallengeParseErrorCode
  readonly offset: number
  declare readonly input?: string

  constructor(code: ChallengeParseErrorCode, offset: number, input?: string) {
    super(describeSyntaxError(code, offset))
    this.code = code
    this.offset = offset
    // Not enumerable: a logged error should not dump a megabyte header value.
    if (input !== undefined) Object.defineProperty(this, 'input', { value: input, enumerable: false, writable: true, configurable: true })
  }
}
