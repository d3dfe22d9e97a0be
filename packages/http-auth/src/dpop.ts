// RFC 9449 §7.1: the DPoP authentication scheme's challenge.

import type { Challenge } from './challenge/types.js'
import { definedParams, isScheme, joinSpaceList, param, spaceList } from './lib/list.js'

/** What a DPoP challenge says (RFC 9449 §7.1): accepted algorithms and, possibly, `use_dpop_nonce` or `invalid_dpop_proof`. */
export type DpopChallengeInfo = { algs: string[]; error?: string; errorDescription?: string }

/** Options of {@link dpopChallenge}. */
export type DpopChallengeOptions = {
  realm?: string
  algs?: readonly string[]
  error?: string
  errorDescription?: string
}

/** Reads the first DPoP challenge (RFC 9449 §7.1), or undefined when there is none. */
export function readDpopChallenge(challenges: readonly Challenge[]): DpopChallengeInfo | undefined {
  for (const c of challenges) {
    if (!isScheme(c, 'dpop')) continue
    const result: DpopChallengeInfo = { algs: spaceList(param(c, 'algs')) }
    const error = param(c, 'error')
    if (error !== undefined) result.error = error
    const description = param(c, 'error_description')
    if (description !== undefined) result.errorDescription = description
    return result
  }
  return undefined
}

/**
 * Builds a DPoP challenge (RFC 9449 §7.1).
 * @example dpopChallenge({ algs: ['ES256', 'PS256'], error: 'use_dpop_nonce' })
 */
export function dpopChallenge(options: DpopChallengeOptions = {}): Challenge {
  return {
    scheme: 'dpop',
    params: definedParams([
      ['realm', options.realm],
      ['error', options.error],
      ['error_description', options.errorDescription],
      ['algs', joinSpaceList(options.algs, 'algs')],
    ]),
  }
}
