import type { HeadersLike } from './headers.js'

type Params<Op> = Op extends { parameters: infer P } ? P : {}
type BodyOf<Op> = Op extends { requestBody?: infer B } ? (NonNullable<B> extends { content: infer C } ? C[keyof C] : never) : never

/** What every call takes besides parameters and body. */
export interface CallOptions {
  /** Aborts the call (rejects with `RequestError` code `aborted`). */
  signal?: AbortSignal
  /** Extra headers for this call; they override the client's `headers`. */
  headers?: HeadersLike
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number
}

/**
 * The argument of an operation method (`Op` = `paths[path][method]`):
 * `params` (`path`, `query`, `header`, `cookie`) and `body`, each required
 * exactly when the spec requires something in it.
 */
export type CallInit<Op> = CallOptions &
  ({} extends Params<Op> ? { params?: Params<Op> } : { params: Params<Op> }) &
  ([BodyOf<Op>] extends [never] ? { body?: undefined } : Op extends { requestBody: unknown } ? { body: BodyOf<Op> } : { body?: BodyOf<Op> })
