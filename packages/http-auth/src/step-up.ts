// RFC 9470: OAuth 2.0 step-up authentication challenge.

import type { Challenge } from './challenge/types.js'
import { definedParams, isScheme, joinSpaceList, param, spaceList } from './lib/list.js'

/** The error code of RFC 9470 §3. */
export const STEP_UP_ERROR = 'insufficient_user_authentication'

/** What a step-up challenge asks for (RFC 9470 §3). */
export type StepUp = { acrValues: string[]; maxAge?: number }

/** Options of {@link stepUpChallenge}. */
export type StepUpChallengeOptions = {
  realm?: string
  acrValues?: readonly string[]
  maxAge?: number
  errorDescription?: string
}

/** Reads the first Bearer or DPoP challenge with `error="insufficient_user_authentication"` (RFC 9470 §3); a malformed `max_age` is left out. */
export function readStepUp(challenges: readonly Challenge[]): StepUp | undefined {
  for (const c of challenges) {
    if (!isScheme(c, 'bearer') && !isScheme(c, 'dpop')) continue
    if (param(c, 'error') !== STEP_UP_ERROR) continue
    const result: StepUp = { acrValues: spaceList(param(c, 'acr_values')) }
    const maxAge = param(c, 'max_age')
    // RFC 9470 §3: max_age is a non-negative number of seconds, as in OIDC Core §3.1.2.1.
    if (maxAge !== undefined && /^[0-9]{1,15}$/.test(maxAge)) result.maxAge = Number(maxAge)
    return result
  }
  return undefined
}

/**
 * Builds the Bearer challenge of RFC 9470 §3 asking the client to obtain a
 * token with a stronger or fresher authentication.
 * @example stepUpChallenge({ acrValues: ['myACR'], maxAge: 5 })
 */
export function stepUpChallenge(options: StepUpChallengeOptions = {}): Challenge {
  const { maxAge } = options
  if (maxAge !== undefined && !(Number.isSafeInteger(maxAge) && maxAge >= 0)) {
    throw new TypeError(`maxAge must be a non-negative integer number of seconds, got ${maxAge}`)
  }
  return {
    scheme: 'bearer',
    params: definedParams([
      ['realm', options.realm],
      ['error', STEP_UP_ERROR],
      ['error_description', options.errorDescription],
      ['acr_values', joinSpaceList(options.acrValues, 'acr_values')],
      ['max_age', maxAge === undefined ? undefined : String(maxAge)],
    ]),
  }
}
