import type { SyntaxErrorCode } from './scan.js'

/**
 * What `ChallengeParseError` and `CredentialsParseError` share: a syntax error
 * code, the offset where parsing stopped, and the input (not enumerable, so a
 * logged error does not dump a megabyte header value). Not exported from the
 * package; each subclass sets its own `name`.
 */
export abstract class HeaderSyntaxError extends Error {
  // `declare`: set by the constructor only, so a bundle carries no field definitions for them.
  declare readonly code: SyntaxErrorCode
  declare readonly offset: number
  declare readonly input?: string

  constructor(code: SyntaxErrorCode, offset: number, input?: string) {
    // The code reads as the message ("expected token at offset 7"): no table of sentences to ship to browsers.
    super(`${code.replace(/-/g, ' ')} at offset ${offset}`)
    this.code = code
    this.offset = offset
    if (input !== undefined) Object.defineProperty(this, 'input', { value: input, writable: true, configurable: true })
  }
}
