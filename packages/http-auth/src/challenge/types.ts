import type { SyntaxErrorCode } from '../lib/scan.js'
import { HeaderSyntaxError } from '../lib/syntax-error.js'

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

/** Thrown by `parseChallenges` for a malformed `WWW-Authenticate` value; `offset` is where parsing stopped (RFC 9110 §11). */
export class ChallengeParseError extends HeaderSyntaxError {
  override readonly name = 'ChallengeParseError'
}
