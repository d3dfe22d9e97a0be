/**
 * What a server passes to `problem()` (RFC 9457 §3): the standard members plus
 * any extension members, serialized as given.
 */
export type ProblemDetails = {
  status: number
  type?: string
  title?: string
  detail?: string
  instance?: string
  [extension: string]: unknown
}

/** One validation failure, normalized from RFC 7807 `invalid-params` or RFC 9457 `errors`. */
export type InvalidParam = { name: string; reason: string; pointer?: string }

/**
 * A problem details object as read by `parseProblem` (RFC 9457 §3): members
 * of the wrong type are dropped, `type` defaults to "about:blank", and every
 * non-standard member is kept in `extensions`.
 */
export type Problem = {
  type: string
  status?: number
  title?: string
  detail?: string
  instance?: string
  invalidParams: InvalidParam[]
  extensions: Record<string, unknown>
}
