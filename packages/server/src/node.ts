import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { answerWithoutBody, handleIncoming, type App, type InternalApp } from './app.js'
import { BodyTooLargeError, fromRequest, HANDLE_INCOMING, type Incoming } from './incoming.js'
import { lightRequest, type LightSource } from './light-request.js'
import { Outgoing, type HeaderList } from './outgoing.js'
import { isThenable } from './thenable.js'

/** A node:http request handler; Express passes `next`, which is only called on a write failure. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** The body a parser mounted before us (Express) has consumed already, if any. */
function parsedBody(req: IncomingMessage & { body?: unknown }): Uint8Array | undefined {
  if (req.body === undefined || !req.readableEnded) return undefined
  const b = req.body
  if (b instanceof Uint8Array) return b
  if (typeof b === 'string') return new TextEncoder().encode(b)
  if (b && typeof b === 'object' && Object.keys(b).length > 0) return new TextEncoder().encode(JSON.stringify(b))
  return undefined
}

function urlOf(req: IncomingMessage): string {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  return `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${originForm(req.url ?? '/')}`
}

// Body reading runs once per request on the hot path: the listeners are shared functions that find
// their exchange on the request (node calls them with the request as `this`), not closures per request.
const EXCHANGE = Symbol('gatehouse.exchange')
type TaggedRequest = IncomingMessage & { [EXCHANGE]?: NodeIncoming }

function onData(this: TaggedRequest, chunk: Buffer): void {
  this[EXCHANGE]!.chunk(chunk)
}
function onEnd(this: TaggedRequest): void {
  this[EXCHANGE]!.settle(undefined)
}
function onError(this: TaggedRequest, error: unknown): void {
  this[EXCHANGE]!.settle(error ?? new Error('request error'))
}

/** An `Incoming` over node's request; the Web `Request` is only built if a verifier or handler reads it. */
class NodeIncoming implements Incoming, LightSource {
  readonly method: string
  /** node's header object, read once: `req.headers` is a getter. */
  readonly headers: IncomingMessage['headers']
  readonly pathname: string
  readonly search: string
  #bytes: Promise<Uint8Array> | undefined
  #loaded: Uint8Array | undefined
  #error: unknown
  #request: Request | undefined
  #chunks: Buffer[] | undefined
  #size = 0
  #settled = false
  #done: (() => void) | undefined
  constructor(
    readonly req: IncomingMessage,
    readonly maxBodySize: number,
  ) {
    const path = originForm(req.url ?? '/')
    const q = path.indexOf('?')
    this.headers = req.headers
    this.method = upperMethod(req.method)
    this.pathname = q === -1 ? path : path.slice(0, q)
    this.search = q === -1 ? '' : path.slice(q + 1)
  }
  header(name: string): string | null {
    const headers = this.headers
    if (name === 'authorization') {
      const value = headers.authorization
      if (value === undefined) return null
      // node keeps only the first of repeated Authorization lines; join them as Fetch's `Headers`
      // does, so both entry points see two credentials (malformed, 400) rather than the first one.
      return repeatedAuthorization(this.req.rawHeaders) ?? value
    }
    // The pipeline's own reads are by a constant name, which V8 turns into a cheap property load where
    // this is inlined; one keyed load shared by every name goes megamorphic (a stub-cache probe each).
    const value = name === 'content-type' ? headers['content-type'] : headers[name]
    if (value === undefined) return null
    return Array.isArray(value) ? value.join(', ') : value
  }
  /**
   * Reads the whole body (bounded), then calls `done` (by default `loaded()`); afterwards `bodySync`
   * answers without waiting.
   */
  preload(done?: () => void): void {
    const req = this.req as TaggedRequest
    if (exceedsLimit(this.headers['content-length'], this.maxBodySize)) {
      this.#error = new BodyTooLargeError()
      return done ? done() : this.loaded()
    }
    this.#done = done
    req[EXCHANGE] = this
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  }
  /** One chunk of the body; past the limit the request is answered 413 and the rest drained. */
  chunk(chunk: Buffer): void {
    this.#size += chunk.length
    if (this.#size > this.maxBodySize) {
      this.settle(new BodyTooLargeError())
      this.req.resume()
    } else if (!this.#settled) (this.#chunks ??= []).push(chunk)
  }
  settle(error: unknown): void {
    if (this.#settled) return
    this.#settled = true
    if (error !== undefined) this.#error = error
    else {
      const chunks = this.#chunks
      this.#loaded = chunks === undefined ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    }
    this.#chunks = undefined
    const done = this.#done
    if (done) done()
    else this.loaded()
  }
  /** Called when the body preloaded without a callback is in. */
  loaded(): void {}
  bodySync(): Uint8Array | undefined {
    if (this.#error !== undefined) throw this.#error
    return this.#loaded
  }
  bytes(): Promise<Uint8Array> {
    if (this.#error !== undefined) return Promise.reject(this.#error)
    if (this.#loaded) return Promise.resolve(this.#loaded)
    if (this.#bytes) return this.#bytes
    const parsed = parsedBody(this.req)
    this.#bytes = parsed
      ? Promise.resolve(parsed)
      : new Promise((resolve, reject) => this.preload(() => (this.#error !== undefined ? reject(this.#error) : resolve(this.#loaded!))))
    return this.#bytes
  }
  get request(): Request {
    return (this.#request ??= lightRequest(this))
  }
  url(): string {
    return urlOf(this.req)
  }
}

// 10^n for n < 16: a Content-Length of n digits is below 10^n.
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, n) => 10 ** n)

/**
 * Whether a declared Content-Length is over the limit. node's parser admits only digits there, so
 * a value with fewer digits than the limit is under it without a string-to-number conversion
 * (a slow runtime call, on every request with a body).
 */
function exceedsLimit(length: string | undefined, limit: number): boolean {
  if (length === undefined) return false
  if (length.length < 16 && POWERS_OF_TEN[length.length]! <= limit) return false
  return Number(length) > limit
}

/** Every `Authorization` line joined with `, ` when there is more than one, else undefined. */
function repeatedAuthorization(raw: readonly string[]): string | undefined {
  let joined: string | undefined
  let count = 0
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!
    if (name.length !== 13 || (name !== 'authorization' && name !== 'Authorization' && name.toLowerCase() !== 'authorization')) continue
    joined = count++ === 0 ? raw[i + 1]! : `${joined}, ${raw[i + 1]!}`
  }
  return count > 1 ? joined : undefined
}

/**
 * The origin-form of a request target (RFC 9112 §3.2): an absolute-form target
 * (`GET http://host/docs`, what proxies are sent) is routed by its path and query.
 */
function originForm(target: string): string {
  if (target.charCodeAt(0) === 0x2f) return target
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(target)
  if (!scheme) return target
  const rest = target.slice(scheme[0].length)
  return rest === '' || rest.charCodeAt(0) === 0x3f ? `/${rest}` : rest
}

/** Whether the request announces a body (RFC 9112 §6.3): a non-zero Content-Length or a Transfer-Encoding. */
function announcesBody(headers: IncomingMessage['headers']): boolean {
  const length = headers['content-length']
  return (length !== undefined && length !== '0') || headers['transfer-encoding'] !== undefined
}

/**
 * The method in upper case. node's parser hands out its own upper-case method names, so the
 * common ones are compared (interned strings: one pointer check) rather than converted again.
 */
function upperMethod(method: string | undefined): string {
  if (method === 'POST' || method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'PATCH') return method
  return (method ?? 'GET').toUpperCase()
}

function writeOutgoing(out: Outgoing, res: ServerResponse): void {
  const body = out.body
  if (res.getHeaderNames().length === 0) {
    // A flat [name, value, …] list: node writes each pair as its own line, so repeated
    // WWW-Authenticate challenges stay one per line, without the per-header setHeader work.
    const headers = out.headers
    let length = false
    for (let i = 0; i < headers.length; i++) if (headers[i]![0] === 'content-length') length = true
    // writeHead fixes the header block, so node would frame a known body as chunked (two writes,
    // one more packet) unless Content-Length is given here, as it computes itself for `res.end(body)`.
    const size = length ? undefined : typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : undefined
    const flat = flatHeaders(headers, size === undefined ? undefined : String(size))
    res.writeHead(out.status, flat)
  } else {
    // Headers set earlier (Express's X-Powered-By): merge through setHeader, arrays for repeats.
    res.statusCode = out.status
    const grouped = new Map<string, string[]>()
    for (const [name, value] of out.headers) {
      const list = grouped.get(name)
      if (list) list.push(value)
      else grouped.set(name, [value])
    }
    for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0]! : values)
  }
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    res.end(body ?? undefined)
    return
  }
  const stream = body instanceof Blob ? body.stream() : body
  Readable.fromWeb(stream as import('node:stream/web').ReadableStream).pipe(res)
}

/**
 * The flat [name, value, …] list writeHead takes, with Content-Length last when given. The usual
 * one or two headers (content-type, location) are one array literal: packed and sized, where
 * pushes would grow it, and node reads a holey one more slowly.
 */
function flatHeaders(headers: HeaderList, length: string | undefined): string[] {
  if (length !== undefined) {
    if (headers.length === 1) return [headers[0]![0], headers[0]![1], 'content-length', length]
    if (headers.length === 2) return [headers[0]![0], headers[0]![1], headers[1]![0], headers[1]![1], 'content-length', length]
  }
  const flat: string[] = []
  for (let i = 0; i < headers.length; i++) flat.push(headers[i]![0], headers[i]![1])
  if (length !== undefined) flat.push('content-length', length)
  return flat
}

function writeResponse(response: Response, res: ServerResponse): void {
  res.statusCode = response.status
  const cookies = response.headers.getSetCookie()
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value)
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res)
}

let warned = false

/**
 * An app whose fast path speaks another protocol version (an older or newer copy of this package)
 * is served through `app.fetch`, several times slower: say so once (a Node process warning), never silently.
 */
function warnIfOtherProtocol(app: App): void {
  if (warned) return
  const other = Object.getOwnPropertySymbols(app).find((s) => s.description?.startsWith(HANDLE_INCOMING))
  if (!other) return
  warned = true
  process.emitWarning(
    `toNodeHandler: the app was created by another version of @gatehouse/server (${other.description}, this one speaks ${handleIncoming.description}); ` +
      'it is served through app.fetch, with a Web Request and Response per request. Install a single copy of @gatehouse/server to get the direct node:http path.',
    { code: 'GATEHOUSE_SLOW_PATH' },
  )
}

/**
 * Serves an app with node:http or Express (`http.createServer(toNodeHandler(app))`,
 * `expressApp.use(toNodeHandler(app))`). Mount it without body parsers in front: it reads the body itself.
 */
export function toNodeHandler(app: App): NodeHandler {
  const internal = app as Partial<InternalApp>
  const handle = internal[handleIncoming]
  if (!handle) warnIfOtherProtocol(app)
  const maxBodySize = internal.maxBodySize ?? 1024 * 1024
  const serve = handle ?? ((incoming: Incoming) => app.fetch(incoming.request))
  const withoutBody = handle ? internal[answerWithoutBody] : undefined
  return (req, res, next) => {
    const exchange = new NodeExchange(req, maxBodySize, res, next, serve)
    // Buffering the (bounded) body first lets the whole pipeline run synchronously when the
    // verifier and handler are synchronous; nothing reads it before authentication passes.
    // A request the app answers without its body (no credentials) is answered at once.
    if (announcesBody(exchange.headers) && !(req as { body?: unknown }).body) {
      const answer = withoutBody?.(exchange)
      if (answer) exchange.write(answer)
      else exchange.preload()
    } else exchange.run()
  }
}

/** One request and its response: runs the app once the body is in, and writes what it answers. */
class NodeExchange extends NodeIncoming {
  constructor(
    req: IncomingMessage,
    maxBodySize: number,
    readonly res: ServerResponse,
    readonly next: ((error?: unknown) => void) | undefined,
    readonly serve: (incoming: Incoming) => Outgoing | Response | Promise<Outgoing | Response>,
  ) {
    super(req, maxBodySize)
  }
  override loaded(): void {
    this.run()
  }
  run(): void {
    const answer = this.serve(this)
    if (isThenable(answer)) answer.then((out) => this.write(out), (error: unknown) => this.fail(error))
    else this.write(answer)
  }
  write(out: Outgoing | Response): void {
    // Not `instanceof Outgoing`: the app may come from another copy of this package, with its own class.
    // Nor `instanceof Response` first: node's `Response` global is a lazy getter, run on every read.
    // An Outgoing's headers are an array, a Response's a `Headers`.
    if (Array.isArray((out as Outgoing).headers)) writeOutgoing(out as Outgoing, this.res)
    else writeResponse(out as Response, this.res)
  }
  fail(error: unknown): void {
    if (this.next) return this.next(error)
    this.res.statusCode = 500
    this.res.end()
  }
}
