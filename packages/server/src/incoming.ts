/**
 * What the pipeline reads of a request. The fetch entry point builds it from a `Request`;
 * the node:http adapter builds it from an `IncomingMessage` without constructing a `Request`
 * unless a verifier or handler asks for one.
 */
export interface Incoming {
  /** Upper-case method. */
  method: string
  pathname: string
  /** The query string without `?`, or `''`. */
  search: string
  /** A header by lower-case name (repeated headers joined with `, `), or `null`. */
  header(name: string): string | null
  /** The body as bytes (empty when there is none). Reads at most once. */
  bytes(): Promise<Uint8Array>
  /** The body if the adapter has read it already; throws `BodyTooLargeError` past the limit. */
  bodySync?(): Uint8Array | undefined
  /** The Web `Request` (built lazily by adapters). */
  readonly request: Request
}

/** The registry key prefix of the node:http fast path (see `handleIncoming`). */
export const HANDLE_INCOMING = 'gatehouse.server.handleIncoming'

const tooLargeBrand = Symbol.for('gatehouse.server.BodyTooLargeError')

/** Thrown by body readers when the body exceeds the configured limit (answered with 413). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
  readonly [tooLargeBrand] = true
  // The node adapter of one copy of this package may read the body for the app of another copy:
  // recognized by a registry brand, not by this copy's class.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && tooLargeBrand in value
  }
}

/** An `Incoming` over a Web `Request`. */
export function fromRequest(request: Request, maxBodySize: number): Incoming {
  const url = request.url
  const start = url.indexOf('/', url.indexOf('//') + 2)
  const q = url.indexOf('?', start)
  const hash = url.indexOf('#', start)
  const end = hash === -1 ? url.length : hash
  let bytes: Promise<Uint8Array> | undefined
  let read: Uint8Array | undefined
  let rebuilt: Request | undefined
  const readBytes = () => {
    bytes ??= (async () => {
      const declared = Number(request.headers.get('content-length') ?? 0)
      if (declared > maxBodySize) throw new BodyTooLargeError()
      const buffer = new Uint8Array(await request.arrayBuffer())
      if (buffer.byteLength > maxBodySize) throw new BodyTooLargeError()
      return (read = buffer)
    })()
    return bytes
  }
  return {
    method: request.method.toUpperCase(),
    pathname: start === -1 ? '/' : url.slice(start, q === -1 ? end : q),
    search: q === -1 ? '' : url.slice(q + 1, end),
    header: (name) => request.headers.get(name),
    bytes: readBytes,
    // Once the pipeline has read the body, handlers get a copy over the same bytes, so that
    // `request.formData()` or `request.text()` still work ("Body is unusable" otherwise).
    get request() {
      if (read === undefined) return request
      return (rebuilt ??= new Request(request, { body: read as BodyInit }))
    },
  }
}
