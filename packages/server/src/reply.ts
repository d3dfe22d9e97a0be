import { formatChallenge, stepUpChallenge } from '@gatehouse/http-auth'
import { schemeChallenge } from './challenges.js'
import type { OperationDefinition, SchemeDefinition } from './definition.js'
import { Outgoing, problemOut, toHeaderList, type HeaderList } from './outgoing.js'
import { STATUS_HELPERS } from './status-names.js'

/** Extra response headers a handler may add to a reply. */
export interface ReplyInit {
  headers?: HeadersInit
}

/** Options of `reply.stepUp` (RFC 9470 §3). */
export interface StepUpOptions {
  acrValues?: readonly string[]
  maxAge?: number
  errorDescription?: string
}

/** The OAuth 2.0 token-endpoint error codes (RFC 6749 §5.2). */
export type OAuthErrorCode =
  | 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope'

/** What `reply` needs from the app. */
export interface ReplyEnvironment {
  notFound(): Outgoing
  /** Realm of the operation's first scheme (or the app's), for `stepUp` and `invalidClient`. */
  realm: string | undefined
}

const isJson = (type: string | undefined) => type !== undefined && (type === 'application/json' || type.endsWith('+json'))

/** The media types declared for `status`, looking at `2XX`-style ranges and `default` after exact codes. */
export function declaredTypes(op: OperationDefinition, status: number): readonly string[] | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default
}

/** A reply with a body encoded per the declared media type (JSON unless the spec says otherwise). */
export function encodeReply(op: OperationDefinition, status: number, body: unknown, init?: ReplyInit): Outgoing {
  if (body !== undefined && body !== null) {
    // The common cases: a JSON body with no extra headers, or with a plain object of them.
    const type = declaredTypes(op, status)?.[0] ?? 'application/json'
    if (isJson(type)) {
      if (init?.headers === undefined) return new Outgoing(status, [['content-type', type]], JSON.stringify(body))
      const fast = jsonWithHeaders(status, type, body, init.headers)
      if (fast) return fast
    }
  }
  const headers = toHeaderList(init?.headers)
  const hasType = headers.some(([name]) => name === 'content-type')
  if (body === undefined || body === null) return new Outgoing(status, headers, null)
  const type = hasType ? headers.find(([n]) => n === 'content-type')![1] : declaredTypes(op, status)?.[0] ?? 'application/json'
  if (!hasType) headers.unshift(['content-type', type])
  if (isJson(type.split(';')[0]!.trim()) || !(typeof body === 'string' || body instanceof Uint8Array || body instanceof Blob || body instanceof ReadableStream)) {
    return new Outgoing(status, headers, JSON.stringify(body))
  }
  // An event stream must reach the client as it is produced: no intermediary may hold it back.
  if (body instanceof ReadableStream && type.startsWith('text/event-stream') && !headers.some(([n]) => n === 'cache-control')) headers.push(['cache-control', 'no-cache'])
  return new Outgoing(status, headers, body as string | Uint8Array | Blob | ReadableStream<Uint8Array>)
}

/**
 * A JSON reply whose extra headers are a plain object without `content-type` (`{ location }`, the
 * shape required response headers take): one list, no `HeadersInit` conversion. Undefined otherwise.
 */
function jsonWithHeaders(status: number, type: string, body: unknown, headers: HeadersInit | undefined): Outgoing | undefined {
  // An object literal (not an array of pairs, a `Headers` or another class): one prototype read.
  if (headers === undefined || Object.getPrototypeOf(headers) !== Object.prototype) return undefined
  const list: HeaderList = [['content-type', type]]
  for (const key in headers) {
    const name = isLowerCase(key) ? key : key.toLowerCase()
    if (name === 'content-type') return undefined
    list.push([name, String((headers as Record<string, string>)[key])])
  }
  return new Outgoing(status, list, JSON.stringify(body))
}

// Header names written in handlers are nearly always lower case already (`location`): a scan is cheaper than toLowerCase.
function isLowerCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c >= 0x41 && c <= 0x5a) return false
    if (c >= 0x80) return false
  }
  return true
}

// OAuth clients authenticate to the token endpoint with HTTP Basic (RFC 6749 §2.3.1).
const CLIENT_BASIC: SchemeDefinition = { type: 'http', credential: 'basic' }

/** An RFC 6749 §5.2 error body; `invalid_client` is a 401 with a Basic challenge (the usual client authentication). */
export function oauthError(code: OAuthErrorCode, description: string | undefined, realm: string | undefined, init?: ReplyInit): Outgoing {
  const status = code === 'invalid_client' ? 401 : 400
  const headers = toHeaderList(init?.headers)
  headers.unshift(['content-type', 'application/json'], ['cache-control', 'no-store'])
  if (status === 401 && !headers.some(([n]) => n === 'www-authenticate')) {
    headers.push(['www-authenticate', formatChallenge(schemeChallenge(CLIENT_BASIC, realm))])
  }
  const body: Record<string, string> = { error: code }
  if (description !== undefined) body.error_description = description
  return new Outgoing(status, headers, JSON.stringify(body))
}

/** Builds the `reply` object of one operation once; its helpers are stateless, so it is shared by all requests. */
export function createReply(op: OperationDefinition, env: ReplyEnvironment): Record<string, unknown> {
  const reply: Record<string, unknown> = {
    send: (status: number, body?: unknown, init?: ReplyInit) => encodeReply(op, status, body, init),
    hidden: () => env.notFound(),
    forbidden: () => problemOut(403),
    stepUp: (options: StepUpOptions = {}) =>
      problemOut(401, {}, [
        ['www-authenticate', formatChallenge(stepUpChallenge({
          ...(env.realm !== undefined && { realm: env.realm }),
          ...(options.acrValues && { acrValues: options.acrValues }),
          ...(options.maxAge !== undefined && { maxAge: options.maxAge }),
          ...(options.errorDescription !== undefined && { errorDescription: options.errorDescription }),
        }))],
      ]),
  }
  for (const status of Object.keys(op.responses)) {
    const name = STATUS_HELPERS[Number(status) as keyof typeof STATUS_HELPERS]
    if (!name) continue
    // A status without content takes only `init`, as the generated types say.
    const code = Number(status)
    const type = op.responses[status]![0]
    if (type === undefined) reply[name] = (init?: ReplyInit) => encodeReply(op, code, undefined, init)
    else if (isJson(type)) {
      // The common cases, with the media type decided once: a JSON body with no extra headers, or
      // with a plain object of them (`{ location }`); encodeReply would find the same type again.
      reply[name] = (body?: unknown, init?: ReplyInit) => {
        if (body !== undefined && body !== null) {
          if (init?.headers === undefined) return new Outgoing(code, [['content-type', type]], JSON.stringify(body))
          const fast = jsonWithHeaders(code, type, body, init.headers)
          if (fast) return fast
        }
        return encodeReply(op, code, body, init)
      }
    } else reply[name] = (body?: unknown, init?: ReplyInit) => encodeReply(op, code, body, init)
  }
  if (op.credentialsExchange) {
    reply.oauthError = (code: OAuthErrorCode, description?: string, init?: ReplyInit) => oauthError(code, description, env.realm, init)
    reply.invalidGrant = (description?: string) => oauthError('invalid_grant', description, env.realm)
    reply.invalidClient = (description?: string, init?: ReplyInit) => oauthError('invalid_client', description, env.realm, init)
  }
  return reply
}
