import { bindCredentials, selectCredentials, type Bound, type Credential, type CredentialBinder, type SchemeRequirement } from './auth/credentials.js'
import type { Dpop } from './auth/dpop.js'
import { currentToken, type SourceState } from './auth/reauth.js'
import type { TokenSource } from './auth/token-source.js'
import { RequestError } from './errors.js'
import { failure } from './result/lazy.js'
import type { Attempts } from './result/failure.js'
import type { FetchLike, RuntimeOptions } from './options.js'
import type { PreparedBody } from './request/body.js'
import { prepareBody } from './request/body.js'
import type { PartEncodings } from './request/multipart.js'
import { mergeHeaders, type HeadersLike } from './request/headers.js'
import { buildUrl, hasStructuredQuery, PATH_PARAMS, type QueryStyle } from './request/url.js'
import { JSON_TYPE, jsonBody, type AnyResult, type Outcome } from './result/build.js'
import type { UnauthorizedResult } from './result/types.js'
import type { RawClient } from './raw.js'
import { schemasOf } from './validate.js'

/** One operation as the generated `client.ts` describes it (a client-only form of `security.ts`'s `operationSecurity`): all the client needs to send it with the right credentials. */
export interface OperationInfo {
  readonly method: string
  readonly path: string
  /** Alternatives (OR) of requirements (AND); `[]` = public; an empty alternative = anonymous allowed. */
  readonly security: readonly (readonly SchemeRequirement[])[]
  /** `x-credentials-exchange`: its 401 never triggers renewal (left out when false). */
  readonly credentialsExchange?: boolean
}

/** How an operation encodes its request when it differs from the defaults (JSON body; query `form`, exploded). */
export interface OperationEncoding {
  /** The request body's media type, when not JSON. */
  readonly body?: string
  readonly query?: Readonly<Record<string, QueryStyle>>
  /** multipart/form-data: the part Content-Type per property, where the spec's `encoding` declares one. */
  readonly parts?: PartEncodings
}

/** The argument of an operation method, untyped (the generated `Client` type gives each its shape). */
interface AnyInit {
  params?: { path?: object; query?: object; header?: HeadersLike; cookie?: Record<string, unknown> }
  body?: unknown
  signal?: AbortSignal
  headers?: HeadersLike
  timeoutMs?: number
}

const NO_BODY: PreparedBody = { body: undefined, replayable: true }

// Statuses that say "try again later" (RFC 9110 §15.5.9, §15.6.3–5; RFC 6585 §4): the only part of
// the retry decision on a page's first load; the policy is request/backoff.ts's, loaded by the first of them.
const RETRYABLE = [408, 429, 502, 503, 504]

/** The client's shared state and the exchange loop: credentials, 401 renewal, retries. */
export function createCore(schemes: Readonly<Record<string, CredentialBinder>>, options: RuntimeOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init))
  const baseHeaders = mergeHeaders({}, options.headers)
  const bound = bindCredentials(schemes, options.auth as Record<string, Credential | undefined> | undefined)
  const states = new Map<TokenSource, SourceState>()
  const state = (s: TokenSource) => states.get(s) ?? states.set(s, {}).get(s)!
  const { dpop: signer } = options
  // DPoP proofs and the nonce retry: their own chunk, loaded by the first request of a client given a signer.
  let dpop: Promise<Dpop> | undefined
  const middleware = options.middleware?.length ? options.middleware : undefined
  const schemas = options.validate === undefined ? undefined : schemasOf(options.validate)
  // Loaded only by clients that have middleware: the others never download it.
  let hooks: Promise<typeof import('./request/middleware.js')> | undefined

  /**
   * One call, start to end, in one async frame (each frame of its own costs a call an allocation and
   * an await): the signal, then sending until there is a response to answer with (one renewal replay
   * after a 401, one DPoP nonce retry, `retry` for transient statuses). With `read` it goes on to the
   * operation's result (result/build.ts), its validation and `onUnauthenticated`; `api.raw` takes the
   * response unread. `url` and `prepared` may still be in the making (a query serializer or a body
   * encoder loading): what they throw rejects the call as thrown, and so does a missing path parameter.
   */
  function exchange(operation: string, op: OperationInfo, method: string, creds: Bound[], url: string, headers: Record<string, string>, prepared: PreparedBody, callerSignal: AbortSignal | undefined, timeoutMs: number | undefined): Promise<Outcome>
  function exchange(operation: string, op: OperationInfo, method: string, creds: Bound[], url: string | Promise<string>, headers: Record<string, string>, prepared: PreparedBody | Promise<PreparedBody>, callerSignal: AbortSignal | undefined, timeoutMs: number | undefined, read: true): Promise<AnyResult>
  async function exchange(operation: string, op: OperationInfo, method: string, creds: Bound[], url: string | Promise<string>, headers: Record<string, string>, prepared: PreparedBody | Promise<PreparedBody>, callerSignal: AbortSignal | undefined, timeoutMs: number | undefined, read?: true): Promise<Outcome | AnyResult> {
    // Awaited together: awaiting one while the other rejects would leave that rejection unhandled. The
    // body is a plain object unless an encoder is at work (`in`, not `instanceof`: no prototype-chain walk).
    if (typeof url !== 'string' || 'then' in prepared) [url, prepared] = await Promise.all([url, prepared])
    const { replayable } = prepared
    // The caller's signal and the timeout, which covers the whole call (retries and body included).
    // `AbortSignal.any` is Baseline since 2024 (Chrome 116, Firefox 124, Safari 17.4; Node 20.3): a
    // listener-based fallback for older browsers would cost every page 78 B gzipped of first load.
    timeoutMs ??= options.timeoutMs
    const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs)
    const signal = callerSignal && timeout ? AbortSignal.any([callerSignal, timeout]) : (callerSignal ?? timeout)
    let result: AnyResult
    try {
      const tries: Attempts = { reauthenticated: false }
      const proofs = signer && (await (dpop ??= import('./auth/dpop.js').then((m) => m.createDpop(signer))))
      let out: Outcome
      for (let attempt = 1; ; attempt++) {
        const h = { ...headers }
        let u = url
        // Sized up front: a pushed-to `[]` grows a 16-slot backing store on every attempt.
        const sent: (string | undefined)[] = Array(creds.length)
        // What a token source threw instead of a token (its token endpoint refused, say): never swallowed.
        let sourceFailed: { error: unknown } | undefined
        for (let i = 0; i < creds.length; i++) {
          const c = creds[i]!
          let t: Promise<string | undefined> | string | undefined
          try {
            t = c.source === tries.forced ? tries.token : currentToken(c.source, state(c.source))
            // Most sources answer synchronously: awaiting only real promises saves a tick per request.
            if (typeof t === 'object') t = await t
          } catch (e) {
            // With an anonymous alternative the request would succeed without the token and nobody would
            // learn that the source failed: the call rejects instead. Otherwise it goes out without the
            // token, so the caller gets the server's 401 (and onUnauthenticated) carrying the error.
            if (op.security.some((alternative) => alternative.length === 0)) throw new RequestError('credentials', operation, e)
            sourceFailed = { error: e }
            t = undefined
          }
          sent[i] = t
          // Where the credential goes (header, query, cookie) is its scheme's: auth/schemes.ts.
          if (t !== undefined) u = c.put(h, u, t)
        }
        if (proofs) {
          try {
            await proofs.sign(h, u, method, creds, sent)
          } catch (e) {
            throw new RequestError('credentials', operation, e)
          }
        }
        const init: RequestInit & { duplex?: string } = { method, headers: h, body: prepared.body, signal }
        // Node's fetch requires `duplex` for a stream body (Fetch standard, RequestInit.duplex).
        if (!replayable) init.duplex = 'half'
        const res = middleware ? await (await (hooks ??= import('./request/middleware.js'))).sendThrough(middleware, doFetch, operation, attempt, u, init) : await doFetch(u, init)
        out = { res, reauthenticated: tries.reauthenticated }
        // Challenges, 403 scopes, the DPoP nonce retry and token renewal are the error path's (its own chunk).
        const { status } = res
        if ((status === 401 || status === 403) && (await (await failure()).afterAuthFailure(out, tries, { op, creds, sent, replayable, state, dpop: proofs, sourceFailed }))) continue
        if (status === 401) break
        if (sourceFailed) {
          // Sent without the token and not refused for it: a result here would hide the failure.
          await res.body?.cancel()
          throw new RequestError('credentials', operation, sourceFailed.error)
        }
        if (!replayable || !RETRYABLE.includes(status) || !(await (await import('./request/backoff.js')).backoff(options.retry, attempt, method, h, res, signal))) break
      }
      if (!read) return out
      // The operation's result (result/build.ts): the body by content type, nothing for 204/205/HEAD.
      // Read once: each of Response's getters runs a brand check.
      const { res } = out
      const { status, ok } = res
      let body: unknown
      if (status !== 204 && status !== 205 && method !== 'HEAD') {
        const type = res.headers.get('content-type') ?? ''
        body = JSON_TYPE.test(type) ? jsonBody(await res.text(), ok, operation) : await (await import('./result/other.js')).otherBody(res, type, operation, RequestError)
      }
      result = ok ? { ok, status, data: body, response: res } : { ok, status, error: body, ...(await failure()).failureFields(out, body), response: res }
      if (schemas && ok) await (await import('./result/validate.js')).validateResult(await schemas(), operation, result, RequestError)
    } catch (e) {
      // What went wrong, as a `RequestError`: the timeout, the caller's abort, else the network.
      throw e instanceof RequestError ? e : new RequestError(timeout?.aborted ? 'timeout' : callerSignal?.aborted ? 'aborted' : 'network', operation, e)
    }
    if (result.status === 401 && !op.credentialsExchange) options.onUnauthenticated?.(result as unknown as UnauthorizedResult, operation)
    return result
  }

  return { baseUrl, baseHeaders, bound, exchange }
}

/**
 * The runtime behind a generated `createClient`: one method per operation of
 * `operations` (from `security.ts`), each returning its result union.
 */
export function createRuntimeClient(
  operations: Readonly<Record<string, OperationInfo>>,
  schemes: Readonly<Record<string, CredentialBinder>>,
  encodings: Readonly<Record<string, OperationEncoding>>,
  options: RuntimeOptions,
  rawName = 'raw',
): Record<string, (init?: AnyInit) => Promise<AnyResult>> {
  const core = createCore(schemes, options)
  const api: Record<string, (init?: AnyInit) => Promise<AnyResult>> = {}
  for (const name in operations) {
    const op = operations[name]!
    const enc = encodings[name]
    const method = op.method.toUpperCase()
    // Per operation, on its first call: the split path template and the credentials it sends.
    let parts: string[] | undefined
    let creds: Bound[] | undefined
    // Not async: what it prepares goes straight into the exchange's frame, the only one a call has.
    api[name] = (init = {}) => {
      try {
        const { params } = init
        // Headers first: what throws here must throw before any promise below exists (a promise
        // left behind by a thrown call would reject unhandled).
        const headers = mergeHeaders(mergeHeaders({ ...core.baseHeaders }, params?.header), init.headers)
        const cookie = params?.cookie
        for (const k in cookie) if (cookie[k] != null) headers.cookie = (headers.cookie ? headers.cookie + '; ' : '') + k + '=' + encodeURIComponent(String(cookie[k]))
        parts ??= op.path.split(PATH_PARAMS)
        const url =
          params?.query && hasStructuredQuery(params.query)
            ? // Arrays and objects in the query are serialized by request/query.ts, its own chunk.
              import('./request/query.js').then((m) => buildUrl(core.baseUrl, op.path, params, enc?.query, m.queryPart, parts))
            : buildUrl(core.baseUrl, op.path, params, enc?.query, undefined, parts)
        creds ??= selectCredentials(op.security, core.bound)
        const prepared = init.body === undefined ? NO_BODY : prepareBody(init.body, enc?.body, headers, enc?.parts)
        return core.exchange(name, op, method, creds, url, headers, prepared, init.signal, init.timeoutMs, true)
      } catch (e) {
        return Promise.reject(e)
      }
    }
  }
  let raw: Promise<RawClient<{}>> | undefined
  const load = () => (raw ??= import('./raw.js').then((m) => m.createRawClient(core, operations, selectCredentials, mergeHeaders)))
  // openapi-fetch's client is loaded on first use (its own chunk in a bundle): every method
  // of it returns a promise anyway, and `use`/`eject` are queued in call order.
  // (Named, not a Proxy: a Proxy answering every name would make `api.raw` a thenable and give it a
  // `toJSON` and inspection hooks that reject.)
  const proxy: Record<string, unknown> = {}
  for (const m of 'request GET PUT POST DELETE OPTIONS HEAD PATCH TRACE use eject'.split(' ')) {
    proxy[m] = (...args: unknown[]) => load().then((c) => (c as unknown as Record<string, (...a: unknown[]) => unknown>)[m]!(...args))
  }
  // Not enumerable (defineProperty's default): createQueries walks the operations with Object.keys.
  Object.defineProperty(api, rawName, { value: proxy })
  return api
}
