import type { SyntaxErrorCode } from './scan.js'

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

/**
 * What `ChallengeParseError` and `CredentialsParseError` share: a syntax error
 * code, the offset where parsing stopped, and the input (not enumerable, so a
 * logged error does not dump a megabyte header value). Not exported from the
 * package; each subclass sets its own `name`.
 */
export abstract class HeaderSyntaxError extends Error {
  readonly code: SyntaxErrorCode
  readonly offset: number
  declare readonly input?: string

  constructor(code: SyntaxErrorCode, offset: number, input?: string) {
    super(`${MESSAGES[code]} at offset ${offset}`)
    this.code = code
    this.offset = offset
    if (input !== undefined) Object.defineProperty(this, 'input', { value: input, enumerable: false, writable: true, configurable: true })
  }
}
