import { RequestError } from '../errors.js'
import { parseProblem, readBearerError, readStepUp, type Challenge, type ChallengeParseError, type Problem } from '../http-auth.js'
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
  /** Scopes of the alternative that was used, else of the first one the spec lists: the 403 fallback. */
  scopes: readonly string[]
}

const JSON_TYPE = /[/+]json\b/

/** Reads a body by content type: JSON, text, nothing (204/205/HEAD/empty), else a Blob. */
async function readBody(res: Response, method: string, operation: string): Promise<unknown> {
  if (res.status === 204 || res.status === 205 || method === 'HEAD' || !res.body) return undefined
  const type = res.headers.get('content-type') ?? ''
  if (!JSON_TYPE.test(type)) return type && !type.startsWith('text/') ? res.blob() : (await res.text()) || undefined
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

/** RFC 9457 problems, and JSON bodies shaped like one (servers that send them as `application/json`). */
function toProblem(res: Response, body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  if (!res.headers.get('content-type')?.includes('problem+json') && !('title' in body || 'type' in body || 'detail' in body)) return undefined
  return parseProblem(body)
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((s) => typeof s === 'string') && value.length > 0 ? value : undefined
}

/** Turns a response into its result member: the runtime half of `OperationResult`. */
export async function buildResult(out: Outcome, method: string, operation: string): Promise<AnyResult> {
  const { res } = out
  const body = await readBody(res, method, operation)
  if (res.ok) return { ok: true, status: res.status, data: body, response: res }
  const problem = toProblem(res, body)
  const r: AnyResult = { ok: false, status: res.status, error: body, problem, response: res }
  if (res.status === 400) {
    r.invalidParams = problem?.invalidParams ?? []
  } else if (res.status === 401) {
    const challenges = out.challenges ?? []
    r.challenges = challenges
    if (out.challengeError) r.challengeError = out.challengeError
    r.bearer = readBearerError(challenges)
    r.stepUp = readStepUp(challenges)
    r.reauthenticated = out.reauthenticated
    if (out.reauthSkipped) r.reauthSkipped = out.reauthSkipped
  } else if (res.status === 403) {
    const scope = out.challenges && readBearerError(out.challenges)?.scope
    r.requiredScopes = strings(scope) ?? strings(problem?.extensions['required-scopes']) ?? [...out.scopes]
  }
  return r
}
