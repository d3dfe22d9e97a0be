// The error path, loaded on the first response that needs it (a dynamic import):
// challenge, problem and Retry-After parsing are most of the client's weight, and a
// page whose calls succeed never downloads them.
import { ChallengeParseError, parseChallengesFromHeaders, parseProblem, readBearerError, readStepUp, type Challenge, type Problem } from '../http-auth.js'
import type { Outcome } from './build.js'

export { parseRetryAfter } from '../http-auth.js'

/** The challenges of `WWW-Authenticate` (RFC 9110 §11.6.1); `[]` and the error when the header is malformed. */
export function readChallenges(headers: Headers): { challenges: Challenge[]; challengeError?: ChallengeParseError } {
  try {
    return { challenges: parseChallengesFromHeaders(headers) }
  } catch (e) {
    if (!(e instanceof ChallengeParseError)) throw e
    return { challenges: [], challengeError: e }
  }
}

/** RFC 9457 problems, and JSON bodies shaped like one (servers that send them as `application/json`). */
function toProblem(res: Response, body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  if (!res.headers.get('content-type')?.includes('problem+json') && !('title' in body || 'type' in body || 'detail' in body)) return undefined
  return parseProblem(body)
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'string') ? value : undefined
}

/** The fields a failure result carries besides `ok`, `status`, `error` and `response`. */
export function failureFields(out: Outcome, body: unknown): Record<string, unknown> {
  const { res } = out
  const problem = toProblem(res, body)
  const r: Record<string, unknown> = { problem }
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
    if (out.reauthError !== undefined) r.reauthError = out.reauthError
  } else if (res.status === 403) {
    const scope = out.challenges && readBearerError(out.challenges)?.scope
    r.requiredScopes = strings(scope) ?? strings(problem?.extensions['required-scopes']) ?? [...(out.scopes ?? [])]
  }
  return r
}
