// The error path, loaded on the first response that needs it (a dynamic import):
// challenge and problem parsing, scope reading and token renewal are most of the
// client's weight, and a page whose calls succeed never downloads them. Token renewal
// (auth/renew.ts) is part of it: as a chunk of its own it cost a page that refreshes 239 B more
// (two gzip streams compress worse than one) to save a fixed-token page 311 B.
import type { Bound } from '../auth/credentials.js'
import type { Dpop } from '../auth/dpop.js'
import type { SourceState } from '../auth/reauth.js'
import type { TokenSource } from '../auth/token-source.js'
import type { OperationInfo } from '../client.js'
import { ChallengeParseError, parseChallenges, parseProblem, readBearerError, readStepUp, type Challenge, type Problem } from '../http-auth.js'
import type { Outcome } from './build.js'
import { renew } from '../auth/renew.js'

/** What one call's earlier attempts changed for the next: the renewed token, the DPoP nonce retry used. */
export interface Attempts {
  reauthenticated: boolean
  /** The source whose renewed `token` replaces its current one for the rest of the call. */
  forced?: TokenSource
  token?: string
  nonceRetried?: boolean
}

/** What a 401 or 403 is judged with: the call, what it sent, and the client's token and DPoP state. */
export interface AuthFailure {
  op: OperationInfo
  creds: Bound[]
  /** The token sent per credential of `creds`. */
  sent: (string | undefined)[]
  replayable: boolean
  state: (source: TokenSource) => SourceState
  /** The client's DPoP state (auth/dpop.ts), when it has a signer. */
  dpop: Dpop | undefined
  /** What a token source threw instead of a token for this attempt (sent without it). */
  sourceFailed: { error: unknown } | undefined
}

/**
 * After a 401 or 403: adds the challenges (and for a 403 the scopes to report) to `out`,
 * and for a 401 decides whether to send again — once with the DPoP nonce the server asked
 * for, once with a renewed token — or why not (`reauthSkipped`). True: send again.
 */
export async function afterAuthFailure(out: Outcome, tries: Attempts, x: AuthFailure): Promise<boolean> {
  const { res } = out
  // `[]` and the error when the header is malformed (RFC 9110 §11.6.1).
  let challenges: Challenge[] = []
  // fetch's Headers.get joins repeated lines with ", ", one list to the grammar (RFC 9110 §5.6.1).
  const header = res.headers.get('www-authenticate')
  try {
    challenges = parseChallenges(header ?? '')
  } catch (e) {
    if (!(e instanceof ChallengeParseError)) throw e
    out.challengeError = e
  }
  out.challenges = challenges
  if (res.status === 403) {
    // Scopes of the alternative that was used, else of the first one the spec lists.
    out.scopes = x.creds.length ? x.creds.flatMap((c) => c.scopes) : (x.op.security.find((a) => a.length)?.flatMap((r) => r.scopes) ?? [])
    return false
  }
  if (x.replayable && x.dpop?.nonceRetry(res, challenges, tries)) {
    await res.body?.cancel()
    return true
  }
  if (x.op.credentialsExchange) out.reauthSkipped = 'credentials-exchange'
  else if (x.sourceFailed) {
    // The source just failed to produce a token: asking it again now would repeat the same refusal.
    out.reauthSkipped = 'refresh-failed'
    out.reauthError = x.sourceFailed.error
  } else if (!tries.reauthenticated) return renew(out, tries, x, challenges, header !== null)
  return false
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
