import type { IncomingMessage } from 'node:http'

const source = Symbol('source')
const cache = Symbol('request')
const headersCache = Symbol('headers')

/** What a lazy Request reads from: the node request, its URL and its body. */
export interface LightSource {
  readonly req: IncomingMessage
  url(): string
  bytes(): Promise<Uint8Array>
}

interface LightFields {
  [source]: LightSource
  [cache]?: Request
  [headersCache]?: Headers
}

function materialize(self: LightFields): Request {
  if (self[cache]) return self[cache]
  const src = self[source]
  const req = src.req
  const method = (req.method ?? 'GET').toUpperCase()
  const hasBody = method !== 'GET' && method !== 'HEAD'
  // Whatever the pipeline has not read stays readable through the Request.
  const stream = hasBody
    ? new ReadableStream<Uint8Array>({
        async start(controller) {
          try {
            const bytes = await src.bytes()
            if (bytes.byteLength > 0) controller.enqueue(bytes)
            controller.close()
          } catch (error) {
            controller.error(error)
          }
        },
      })
    : null
  self[cache] = new Request(src.url(), { method, headers: headersOf(self), body: stream, duplex: 'half' } as RequestInit)
  return self[cache]
}

function headersOf(self: LightFields): Headers {
  if (self[headersCache]) return self[headersCache]
  const headers = new Headers()
  const raw = self[source].req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) {
    // HTTP/2 pseudo-headers are not valid Fetch header names.
    if (!raw[i]!.startsWith(':')) headers.append(raw[i]!, raw[i + 1]!)
  }
  self[headersCache] = headers
  return headers
}

// An object that is a `Request` (instanceof, every member) but builds the undici Request only when
// something beyond method, url and headers is read: constructing one per call costs more than the
// whole pipeline, and most verifiers and handlers never look (the approach of @hono/node-server).
const prototype: object = {
  get method() {
    return ((this as unknown as LightFields)[source].req.method ?? 'GET').toUpperCase()
  },
  get url() {
    return (this as unknown as LightFields)[source].url()
  },
  get headers() {
    return headersOf(this as unknown as LightFields)
  },
}
for (const key of Object.getOwnPropertyNames(Request.prototype)) {
  if (key === 'constructor' || key === 'method' || key === 'url' || key === 'headers') continue
  const descriptor = Object.getOwnPropertyDescriptor(Request.prototype, key)!
  if (typeof descriptor.value === 'function') {
    Object.defineProperty(prototype, key, {
      value(this: LightFields, ...args: unknown[]) {
        const request = materialize(this) as unknown as Record<string, (...a: unknown[]) => unknown>
        return request[key]!(...args)
      },
    })
  } else {
    Object.defineProperty(prototype, key, {
      get(this: LightFields) {
        return (materialize(this) as unknown as Record<string, unknown>)[key]
      },
    })
  }
}
Object.setPrototypeOf(prototype, Request.prototype)

/** A `Request` over a node request that is only really built if read beyond method, url and headers. */
export function lightRequest(from: LightSource): Request {
  return new (LightRequest as unknown as new (from: LightSource) => Request)(from)
}

// A constructor rather than Object.create + a store: one allocation per request with its field in the object.
function LightRequest(this: LightFields, from: LightSource): void {
  this[source] = from
}
LightRequest.prototype = prototype
