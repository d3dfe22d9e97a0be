import { RequestError } from '../errors.js'
import type { Challenge, ChallengeParseError } from '../http-auth.js'
import type { ReauthSkipped } from './types.js'

/** A result before its type is known: the runtime builds every member from the same fields. */
export type AnyResult = { ok: boolean; status: number; response: Response; [field: string]: unknown }

/** What the exchange learned that the result reports. */
export interface Outcome {
  res: Response
  challenges?: Challenge[]
  challengeError?: ChallengeParseError
  reauthenticated: boolean
  reauthSkipped?: ReauthSkipped
  /** What the failed refresh threw (the token endpoint's error for the OAuth sources). */
  reauthError?: unknown
  /** Scopes of the alternative that was used, else of the first one the spec lists: the 403 fallback. */
  scopes?: readonly string[]
}

// JSON is read on the first load; other bodies by result/other.ts. No stream type matches (`x-ndjson`, `jsonl`, `jsonlines`).
// Case-insensitive patterns instead of a lowercased copy of the header: no string per response.
export const JSON_TYPE = /[/+]json\b/i

/** A JSON body's value: `undefined` when empty; an unreadable error body keeps its text (it is still an error with a status). */
export function jsonBody(text: string, ok: boolean, operation: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch (cause) {
    if (ok) throw new RequestError('invalid-response', operation, cause)
    return text
  }
}
