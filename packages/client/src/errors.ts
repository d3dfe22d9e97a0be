/** Why a request did not produce a response the client could turn into a result. */
export type RequestErrorCode =
  /** `fetch` rejected: DNS, connection refused or reset, CORS, … */
  | 'network'
  /** `timeoutMs` elapsed before the response body was read. */
  | 'timeout'
  /** The caller's `signal` was aborted. */
  | 'aborted'
  /**
   * A token source's `getToken` (or the DPoP signer) threw, and the call could not report it as a 401:
   * the operation also accepts anonymous calls (it is not sent anonymously), or the server answered
   * something other than 401 without the token. `cause` is what the source threw.
   */
  | 'credentials'
  /** A success response was not what the spec declares (`validate: true` only), or its JSON was unreadable. */
  | 'invalid-response'

/**
 * The one error a generated client rejects with: transport failures, timeouts,
 * aborts, failing token sources and unreadable responses. Every HTTP status, 4xx and 5xx included, is a
 * result instead; `code` says which failure this is, `cause` holds the original.
 * @example
 * try { await api.getArticle({ params: { path: { id } }, signal }) }
 * catch (e) { if (e instanceof RequestError && e.code === 'aborted') return }
 */
export class RequestError extends Error {
  override readonly name = 'RequestError'
  // `declare`: set by the constructor only, so a bundle carries no field definitions for them.
  declare readonly code: RequestErrorCode
  /** The operation that failed (`operationId`), or `METHOD path` for raw calls. */
  declare readonly operation: string

  constructor(code: RequestErrorCode, operation: string, cause: unknown) {
    super(`${operation}: ${code}`, { cause })
    this.code = code
    this.operation = operation
  }
}

/**
 * A failure result thrown instead of returned, for APIs that expect a rejection
 * (TanStack Query's `queryFn`, `mutationFn`). `result` is the operation's
 * failure union: narrowing on `result.status` gives `invalidParams` (400),
 * `challenges` (401), `requiredScopes` (403) and the declared error bodies.
 * @example
 * if (error instanceof ResultError && error.result.status === 403) showMissing(error.result.requiredScopes)
 */
export class ResultError<R extends { ok: false; status: number } = { ok: false; status: number; response: Response }> extends Error {
  override readonly name = 'ResultError'
  readonly result: R
  /** The operation whose call failed (`operationId`). */
  readonly operation: string

  constructor(result: R, operation: string) {
    super(`${operation}: ${result.status}`)
    this.result = result
    this.operation = operation
  }
}
