import { bearerChallenge, formatChallenge, type Challenge } from '@gatehouse/http-auth'
import type { SchemeDefinition } from './definition.js'
import type { HeaderList } from './outgoing.js'

/** The error attributes a challenge may carry (RFC 6750 §3). */
export interface ChallengeError {
  error?: string | undefined
  errorDescription?: string | undefined
  scope?: readonly string[] | undefined
}

/**
 * The challenge of one scheme (RFC 9110 §11.6.1): Bearer per RFC 6750 §3, Basic per RFC 7617 §2
 * (with `charset="UTF-8"`), API keys as an `ApiKey` challenge, since OpenAPI names no scheme for them.
 * Error attributes ride along on every kind so a client reads them the same way.
 */
export function schemeChallenge(scheme: SchemeDefinition, realm: string | undefined, error: ChallengeError = {}): Challenge {
  if (scheme.credential === 'bearer') {
    return bearerChallenge({
      ...(realm !== undefined && { realm }),
      ...(error.error !== undefined && { error: error.error }),
      ...(error.errorDescription !== undefined && { errorDescription: error.errorDescription }),
      ...(error.scope !== undefined && { scope: error.scope }),
    })
  }
  const params: Record<string, string> = {}
  // RFC 7617 §2 makes the realm mandatory for Basic.
  if (realm !== undefined || scheme.credential === 'basic') params.realm = realm ?? 'api'
  if (scheme.credential === 'basic') params.charset = 'UTF-8'
  if (error.error !== undefined) params.error = error.error
  if (error.errorDescription !== undefined) params.error_description = error.errorDescription
  if (error.scope !== undefined && error.scope.length > 0) params.scope = error.scope.join(' ')
  return { scheme: scheme.credential === 'basic' ? 'Basic' : 'ApiKey', params }
}

/** One `WWW-Authenticate` line per challenge, identical lines merged, in first-seen order. */
export function challengeHeaders(challenges: readonly Challenge[]): HeaderList {
  const lines = new Set<string>()
  for (const c of challenges) lines.add(formatChallenge(c))
  return [...lines].map((line) => ['www-authenticate', line])
}
