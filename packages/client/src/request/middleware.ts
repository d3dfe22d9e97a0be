import type { FetchLike } from '../options.js'

/** What every middleware hook is told: the request of this attempt, and which operation and attempt it is. */
export interface MiddlewareContext {
  /** The request as it will be sent (credentials included); a hook may return a replacement. */
  request: Request
  /** The operation (`operationId`), or `METHOD path` for `api.raw` calls. */
  operation: string
  /** 1 for the first send; retries, the DPoP nonce retry and the replay after a refresh count up. */
  attempt: number
}

/**
 * Hooks run around every attempt of every call, retries and replays after a
 * refresh included (openapi-fetch's middleware, with the operation name).
 * `onRequest` hooks run in order, `onResponse` and `onError` in reverse order.
 * @example createClient({ baseUrl, middleware: [{ onRequest: ({ request }) => { request.headers.set('x-trace', id()) } }] })
 */
export interface Middleware {
  /** Return a `Request` to send instead, or a `Response` to skip the network (and the other hooks) for this attempt. */
  onRequest?(ctx: MiddlewareContext): Request | Response | void | Promise<Request | Response | void>
  /** Return a `Response` to use instead of the one received. */
  onResponse?(ctx: MiddlewareContext & { response: Response }): Response | void | Promise<Response | void>
  /** `fetch` rejected: return a `Response` to recover, or an `Error` to reject with instead. */
  onError?(ctx: MiddlewareContext & { error: unknown }): Response | Error | void | Promise<Response | Error | void>
}

/**
 * One attempt through the middleware: the hooks see a `Request` built from what
 * the exchange would send; it is only built when there is middleware, so an
 * empty list costs nothing per request.
 */
export async function sendThrough(middleware: readonly Middleware[], doFetch: FetchLike, operation: string, attempt: number, url: string, init: RequestInit): Promise<Response> {
  const original = new Request(url, init)
  let request = original
  const ctx = () => ({ request, operation, attempt })
  for (const m of middleware) {
    const r = await m.onRequest?.(ctx())
    if (r instanceof Response) return r
    if (r) request = r
  }
  // A replaced request carries its own body; the original's is sent from the bytes the exchange kept (replayable).
  const body = request === original ? init.body : request.body ? await request.arrayBuffer() : undefined
  const sent: RequestInit & { duplex?: string } = { ...init, method: request.method, headers: Object.fromEntries(request.headers), body }
  let response: Response | undefined
  try {
    response = await doFetch(request.url, sent)
  } catch (e) {
    let error = e
    for (let i = middleware.length; i-- > 0; ) {
      const r = await middleware[i]!.onError?.({ ...ctx(), error })
      if (r instanceof Response) {
        response = r
        break
      }
      if (r) error = r
    }
    if (!response) throw error
  }
  let res: Response = response
  for (let i = middleware.length; i-- > 0; ) {
    const r: Response | void = await middleware[i]!.onResponse?.({ ...ctx(), response: res })
    if (r) res = r
  }
  return res
}
