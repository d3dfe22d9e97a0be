// The parts of @gatehouse/http-auth the client's error path uses, in one place, with
// the result-facing types derived from the functions so the two cannot drift. Imported
// by subpath, not from the package's index: esbuild splits by file, so an index import
// here would tie Retry-After parsing (request/backoff.ts, its own chunk) to this chunk.
import { readBearerError, readStepUp } from '@gatehouse/http-auth/challenge'
import { parseProblem } from '@gatehouse/http-auth/problem'

export { ChallengeParseError, parseChallenges, readBearerError, readStepUp, type Challenge } from '@gatehouse/http-auth/challenge'
export { parseProblem } from '@gatehouse/http-auth/problem'

/** An RFC 9457 problem details object as read by `parseProblem`. */
export type Problem = ReturnType<typeof parseProblem>
/** One validation failure from a 400 problem (RFC 7807 `invalid-params` or RFC 9457 `errors`). */
export type InvalidParam = Problem['invalidParams'][number]
/** The RFC 6750 §3 error attributes of a Bearer challenge. */
export type BearerError = NonNullable<ReturnType<typeof readBearerError>>
/** What an RFC 9470 step-up challenge asks for. */
export type StepUp = NonNullable<ReturnType<typeof readStepUp>>
