// RFC 6750 §3: the Bearer challenge and its error codes.

import type { Challenge } from './challenge/types.js'
import { definedParams, isScheme, joinSpaceList, param, spaceList } from './lib/list.js'

/** The error codes of RFC 6750 §3.1. */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope'

/** What a server said in a Bearer challenge's error attributes (RFC 6750 §3). */
export type BearerError = {
  error: string
  errorDescription?: string
  errorUri?: string
  scope: string[]
}

/** Options of {@link bearerChallenge}; a challenge without `error` is the RFC 6750 §3.1 "no credentials" answer. */
export type BearerChallengeOptions = {
  realm?: string
  error?: string
  errorDescription?: string
  errorUri?: string
  scope?: readonly string[]
}

/**
 * Builds a Bearer challenge (RFC 6750 §3) with its attributes in the order the
 * RFC's examples use; an empty scope list is left out.
 * @example formatChallenge(bearerChallenge({ realm: 'api', error: 'insufficient_scope', scope: ['articles:write'] }))
 */
export function bearerChallenge(options: BearerChallengeOptions = {}): Challenge {
  return {
    scheme: 'bearer',
    params: definedParams([
      ['realm', options.realm],
      ['error', options.error],
      ['error_description', options.errorDescription],
      ['error_uri', options.errorUri],
      ['scope', joinSpaceList(options.scope, 'scope')],
    ]),
  }
}

/** The error of the first Bearer challenge that carries one (RFC 6750 §3), or undefined. */
export function readBearerError(challenges: readonly Challenge[]): BearerError | undefined {
  for (const c of challenges) {
    if (!isScheme(c, 'bearer')) continue
    const error = param(c, 'error')
    if (error === undefined) continue
    const result: BearerError = { error, scope: spaceList(param(c, 'scope')) }
    const description = param(c, 'error_description')
    if (description !== undefined) result.errorDescription = description
    const uri = param(c, 'error_uri')
    if (uri !== undefined) result.errorUri = uri
    return result
  }
  return undefined
}

const STATUS: Record<BearerErrorCode, 400 | 401 | 403> = {
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
}

/** The status RFC 6750 §3.1 pairs with a Bearer error code; undefined for codes it does not define. */
export function statusForBearerError(code: string): 400 | 401 | 403 | undefined {
  return Object.hasOwn(STATUS, code) ? STATUS[code as BearerErrorCode] : undefined
}
