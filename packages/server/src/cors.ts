import type { Incoming } from './incoming.js'
import { Outgoing, type HeaderList } from './outgoing.js'

/** Cross-origin settings (Fetch standard §3.2); omitted, no CORS header is ever sent. */
export interface CorsOptions {
  /** Allowed origins, or `'*'` for any (then credentials are not allowed, as the Fetch standard demands). */
  origins: readonly string[] | '*'
  /** Send `Access-Control-Allow-Credentials: true` (never with `'*'`). */
  credentials?: boolean
  /** Request headers a preflight may ask for; default: what the preflight asks for. */
  allowHeaders?: readonly string[]
  /** More response headers to expose besides `WWW-Authenticate`, `DPoP-Nonce` and `Retry-After`. */
  exposeHeaders?: readonly string[]
  /** Preflight cache lifetime in seconds (`Access-Control-Max-Age`). */
  maxAge?: number
}

// Browser clients must read these to react to a 401/403/429 (challenges, DPoP nonces, back-off).
const ALWAYS_EXPOSED = ['WWW-Authenticate', 'DPoP-Nonce', 'Retry-After']

/** The CORS response headers for `origin`, or none when the origin is not allowed. */
export function corsHeaders(options: CorsOptions, origin: string | null): HeaderList {
  if (origin === null) return []
  const any = options.origins === '*'
  if (!any && !options.origins.includes(origin)) return [['vary', 'Origin']]
  const headers: HeaderList = [
    ['access-control-allow-origin', any && !options.credentials ? '*' : origin],
    ['access-control-expose-headers', [...ALWAYS_EXPOSED, ...(options.exposeHeaders ?? [])].join(', ')],
  ]
  if (!any || options.credentials) headers.push(['vary', 'Origin'])
  if (options.credentials) headers.push(['access-control-allow-credentials', 'true'])
  return headers
}

/** The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`), or undefined for other requests. */
export function preflight(options: CorsOptions, incoming: Incoming, allowedMethods: (() => string[]) | undefined): Outgoing | undefined {
  const method = incoming.header('access-control-request-method')
  if (incoming.method !== 'OPTIONS' || method === null) return undefined
  const origin = incoming.header('origin')
  const base = corsHeaders(options, origin)
  if (!base.some(([n]) => n === 'access-control-allow-origin')) return new Outgoing(204, base, null)
  const requested = incoming.header('access-control-request-headers')
  const headers: HeaderList = [
    ...base.filter(([n]) => n !== 'access-control-expose-headers'),
    ['access-control-allow-methods', (allowedMethods?.() ?? [method]).join(', ')],
  ]
  const allowHeaders = options.allowHeaders?.join(', ') ?? requested
  if (allowHeaders) headers.push(['access-control-allow-headers', allowHeaders])
  if (options.maxAge !== undefined) headers.push(['access-control-max-age', String(options.maxAge)])
  return new Outgoing(204, headers, null)
}
