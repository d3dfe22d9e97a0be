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
const JSON_TYPE = /[/+]json\b/
// Streams: text/event-stream and newline-delimited JSON.
const STREAM_TYPE = /^(text\/event-stream|application\/(x-)?(ndjson|jsonl|jsonlines))\b/

/**
 * Reads a body by content type: JSON, text, nothing (204/205/HEAD/empty), a stream's async
 * iterable (events or lines, read as they arrive), else a Blob.
 */
async function readBody(res: Response, method: string, operation: string): Promise<unknown> {
  if (res.status === 204 || res.status === 205 || method === 'HEAD') return undefined
  const type = (res.headers.get('content-type') ?? '').toLowerCase()
  if (!JSON_TYPE.test(type)) {
    // The stream parsers are their own chunk, loaded by the first streaming response.
    if (res.ok && STREAM_TYPE.test(type)) return (await import('./stream.js')).streamBody(res, type, operation)
    return type && !type.startsWith('text/') ? res.blob() : (await res.text()) || undefined
  }
  const text = await res.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch (cause) {
    // An unreadable error body is still an error with a status: keep its text.
    if (res.ok) throw new RequestError('invalid-response', operation, cause)
    return text
  }
}

/** Turns a response into its result member: the runtime half of `OperationResult`. */
export async function buildResult(out: Outcome, method: string, operation: string): Promise<AnyResult> {
  const { res } = out
  const body = await readBody(res, method, operation)
  if (res.ok) return { ok: true, status: res.status, data: body, response: res }
  return { ok: false, status: res.status, error: body, ...(await failure()).failureFields(out, body), response: res }
}
