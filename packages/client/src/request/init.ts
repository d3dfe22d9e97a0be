import type { HeadersLike } from './headers.js'

type Params<Op> = Op extends { parameters: infer P } ? P : {}
/** What a call may send as a binary body (`application/octet-stream`, `image/*`, …); a stream is sent once, never replayed. */
export type BinaryBody = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>
/**
 * What a call sends for media type `M` whose schema type is `T` (request/body.ts's `prepareBody`):
 * JSON, forms and multipart from the typed value (file fields `Blob`), text as typed, anything else binary.
 */
type RequestMediaBody<M, T> = M extends `${string}json${string}` | 'application/x-www-form-urlencoded' | `multipart/${string}` | `text/${string}` ? T : BinaryBody
type BodyOf<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: infer C }
    ? { [M in keyof C]: RequestMediaBody<M, C[M]> }[keyof C]
    : never
  : never

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
