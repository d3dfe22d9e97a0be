// Token renewal after a 401, part of the error path's chunk (result/failure.ts): a page whose
// calls succeed never downloads it.
import type { Challenge } from '../http-auth.js'
import type { Outcome } from '../result/build.js'
import type { Attempts, AuthFailure } from '../result/failure.js'
import type { Bound } from './credentials.js'
import type { SourceState } from './reauth.js'
import type { TokenSource } from './token-source.js'

/**
 * Whether a 401's challenges ask this credential to be renewed (RFC 6750 §3.1):
 * a Bearer (or DPoP) challenge with `invalid_token` or no error for a bearer
 * token; for an API key, which has no registered scheme, a challenge of any
 * other scheme, or none. `insufficient_user_authentication` (RFC 9470) never
 * matches: a new token from the same grant would not satisfy it.
 */
function asksForRenewal(bound: Bound, challenges: readonly Challenge[], hadHeader: boolean): boolean {
  // Basic's source has no refresh: a password is not renewed.
  if (!bound.source.refresh) return false
  if (bound.kind === 'apiKey' && !hadHeader) return true
  return challenges.some((c) => {
    const tokenScheme = c.scheme === 'bearer' || c.scheme === 'dpop'
    if (bound.kind === 'bearer' ? !tokenScheme : tokenScheme || c.scheme === 'basic') return false
    const error = c.params.error
    return error === undefined || error === 'invalid_token'
  })
}

/**
 * The token to replay a rejected request with, or undefined to give up. Single
 * flight: concurrent callers share one `refresh()`. Stale-token check: a request
 * that carried an older token than the current one is replayed with the current
 * one, without a refresh. A token whose refresh failed is not refreshed again.
 */
async function renewToken(source: TokenSource, st: SourceState, rejected: string | undefined, challenges: Challenge[]): Promise<string | undefined> {
  // reauth.ts's currentToken, written out: importing it would split that module into a chunk of its own, shared with the first load.
  const got = await source.getToken()
  const now = st.fresh !== undefined && got === st.stale ? st.fresh : got
  // Checked after the await: whoever gets here first starts the refresh synchronously below.
  if (st.pending) return st.pending
  if (now !== undefined && now !== rejected) return now
  if (!source.refresh || (st.failed && st.failedFor === rejected)) return undefined
  const done = (t: string | undefined, error?: unknown) => {
    st.pending = undefined
    st.error = error
    if ((st.failed = t === undefined)) st.failedFor = rejected
    else {
      st.stale = rejected
      st.fresh = t
    }
    return t
  }
  return (st.pending = source.refresh({ rejected, challenges }).then(done, (error: unknown) => done(undefined, error)))
}

/**
 * After a 401 that may be recovered from (not a credentials exchange, no failed source, no renewal
 * yet in this call): renews the first credential the challenges ask to renew and says to send again
 * with its token (true), or notes in `out` why not (`reauthSkipped`, and `reauthError`).
 */
export async function renew(out: Outcome, tries: Attempts, x: AuthFailure, challenges: Challenge[], hadHeader: boolean): Promise<boolean> {
  const i = x.creds.findIndex((c) => asksForRenewal(c, challenges, hadHeader))
  if (i < 0) out.reauthSkipped = 'not-renewable'
  else if (!x.replayable) out.reauthSkipped = 'body-not-replayable'
  else {
    const source = x.creds[i]!.source
    const st = x.state(source)
    const token = await renewToken(source, st, x.sent[i], challenges)
    if (token !== undefined) {
      tries.forced = source
      tries.token = token
      tries.reauthenticated = true
      await out.res.body?.cancel()
      return true
    }
    out.reauthSkipped = 'refresh-failed'
    if (st.error !== undefined) out.reauthError = st.error
  }
  return false
}
