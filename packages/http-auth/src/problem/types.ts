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

/**
 * One validation failure, normalized from RFC 7807 `invalid-params` or RFC 9457 `errors`
 * (an entry sent in both forms, matched by pointer, is one failure). `in` says where it is
 * when the server said so: a parameter location (OpenAPI `in`) or `body`.
 */
export type InvalidParam = { name: string; reason: string; in?: 'path' | 'query' | 'header' | 'cookie' | 'body'; pointer?: string }

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
