import { RequestError } from '../errors.js'
import type { Challenge, ChallengeParseError } from '../http-auth.js'
import { failure } from './lazy.js'
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

// Tested first, as JSON is the common case; no stream type matches (`x-ndjson`, `jsonl`, `jsonlines`).
// Case-insensitive patterns instead of a lowercased copy of the header: no string per response.
const JSON_TYPE = /[/+]json\b/i
// Streams: text/event-stream and newline-delimited JSON.
const STREAM_TYPE = /^(text\/event-stream|application\/(x-)?(ndjson|jsonl|jsonlines))\b/i

/** A JSON body's value: `undefined` when empty; an unreadable error body keeps its text (it is still an error with a status). */
function jsonBody(text: string, ok: boolean, operation: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch (cause) {
    if (ok) throw new RequestError('invalid-response', operation, cause)
    return text
  }
}

/** A body that is not JSON: a stream's async iterable (events or lines, read as they arrive), text, else a Blob. */
async function otherBody(res: Response, type: string, operation: string): Promise<unknown> {
  // The stream parsers are their own chunk, loaded by the first streaming response.
  if (res.ok && STREAM_TYPE.test(type)) return (await import('./stream.js')).streamBody(res, type.toLowerCase(), operation, RequestError)
  return type && !/^text\//i.test(type) ? res.blob() : (await res.text()) || undefined
}

/** Turns a response into its result member: the runtime half of `OperationResult`. */
export async function buildResult(out: Outcome, method: string, operation: string): Promise<AnyResult> {
  // Read once: each of Response's getters runs a brand check.
  const { res } = out
  const { status, ok } = res
  // The body by content type; nothing for 204/205/HEAD. JSON is read here, not in a function of its
  // own: an async frame fewer on every response.
  let body: unknown
  if (status !== 204 && status !== 205 && method !== 'HEAD') {
    const type = res.headers.get('content-type') ?? ''
    body = JSON_TYPE.test(type) ? jsonBody(await res.text(), ok, operation) : await otherBody(res, type, operation)
  }
  if (ok) return { ok, status, data: body, response: res }
  return { ok, status, error: body, ...(await failure()).failureFields(out, body), response: res }
}
