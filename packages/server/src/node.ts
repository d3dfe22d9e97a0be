import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { handleIncoming, type App, type InternalApp } from './app.js'
import { BodyTooLargeError, fromRequest, HANDLE_INCOMING, type Incoming } from './incoming.js'
import { lightRequest, type LightSource } from './light-request.js'
import { Outgoing } from './outgoing.js'
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

const EMPTY = new Uint8Array(0)

/** An `Incoming` over node's request; the Web `Request` is only built if a verifier or handler reads it. */
class NodeIncoming implements Incoming, LightSource {
  readonly method: string
  readonly pathname: string
  readonly search: string
  #bytes: Promise<Uint8Array> | undefined
  #loaded: Uint8Array | undefined
  #error: unknown
  #request: Request | undefined
  constructor(
    readonly req: IncomingMessage,
    readonly maxBodySize: number,
  ) {
    const path = originForm(req.url ?? '/')
    const q = path.indexOf('?')
    this.method = (req.method ?? 'GET').toUpperCase()
    this.pathname = q === -1 ? path : path.slice(0, q)
    this.search = q === -1 ? '' : path.slice(q + 1)
  }
  header(name: string): string | null {
    const value = this.req.headers[name]
    if (value === undefined) return null
    // node keeps only the first of repeated Authorization lines; join them as Fetch's `Headers`
    // does, so both entry points see two credentials (malformed, 400) rather than the first one.
    if (name === 'authorization') return repeatedAuthorization(this.req.rawHeaders) ?? (value as string)
    return Array.isArray(value) ? value.join(', ') : value
  }
  /** Reads the whole body (bounded), then calls `done`; afterwards `bodySync` answers without waiting. */
  preload(done: () => void): void {
    const req = this.req
    const limit = this.maxBodySize
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      this.#error = new BodyTooLargeError()
      return done()
    }
    // Plain listeners rather than a promise: this runs once per request on the hot path.
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (error?: unknown) => {
      if (settled) return
      settled = true
      if (error !== undefined) this.#error = error
      else this.#loaded = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      done()
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        settle(new BodyTooLargeError())
        req.resume()
      } else if (!settled) chunks.push(chunk)
    })
    req.on('end', () => settle())
    req.on('error', (error) => settle(error))
  }
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

/** Every `Authorization` line joined with `, ` when there is more than one, else undefined. */
function repeatedAuthorization(raw: readonly string[]): string | undefined {
  let joined: string | undefined
  let count = 0
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length !== 13 || raw[i]!.toLowerCase() !== 'authorization') continue
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
function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length']
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined
}

function writeOutgoing(out: Outgoing, res: ServerResponse): void {
  const body = out.body
  if (res.getHeaderNames().length === 0) {
    // A flat [name, value, …] list: node writes each pair as its own line, so repeated
    // WWW-Authenticate challenges stay one per line, without the per-header setHeader work.
    const flat: string[] = []
    let length = false
    for (const [name, value] of out.headers) {
      flat.push(name, value)
      if (name === 'content-length') length = true
    }
    // writeHead fixes the header block, so node would frame a known body as chunked (two writes,
    // one more packet) unless Content-Length is given here, as it computes itself for `res.end(body)`.
    if (!length && (typeof body === 'string' || body instanceof Uint8Array)) {
      flat.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength))
    }
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
  return (req, res, next) => {
    const incoming = new NodeIncoming(req, maxBodySize)
    // Not `instanceof Outgoing`: the app may come from another copy of this package, with its own class.
    const write = (out: Outgoing | Response) => (out instanceof Response ? writeResponse(out, res) : writeOutgoing(out, res))
    const fail = (error: unknown) => {
      if (next) return next(error)
      res.statusCode = 500
      res.end()
    }
    const run = () => {
      const answer = handle ? handle(incoming) : app.fetch(incoming.request)
      if (isThenable(answer)) answer.then(write, fail)
      else write(answer)
    }
    // Buffering the (bounded) body first lets the whole pipeline run synchronously when the
    // verifier and handler are synchronous; nothing reads it before authentication passes.
    if (announcesBody(req) && !(req as { body?: unknown }).body) incoming.preload(run)
    else run()
  }
}
