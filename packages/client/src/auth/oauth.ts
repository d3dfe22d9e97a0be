import * as oauth from 'oauth4webapi'
import type { TokenSource } from './token-source.js'

/** Options shared by the OAuth 2.0 token sources (RFC 6749 §3.2). */
export interface TokenEndpointOptions {
  /** Absolute URL of the token endpoint; `http:` is accepted only for loopback hosts (tests, local dev). */
  tokenEndpoint: string
  clientId: string
  /** Omit for a public client (RFC 6749 §2.1). */
  clientSecret?: string
  /** How a confidential client authenticates (RFC 6749 §2.3.1); `basic` (the default) is the one every server must support. */
  clientAuth?: 'basic' | 'post'
  /** The authorization server's issuer identifier, checked in ID tokens; defaults to the token endpoint's origin. */
  issuer?: string
  /** Injectable transport (tests, proxies); defaults to the global `fetch`. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>
  /** Called with every token response, e.g. to persist a rotated refresh token. */
  onTokens?: (tokens: oauth.TokenEndpointResponse) => void | Promise<void>
}

/** Options of {@link refreshTokenGrant}. */
export interface RefreshTokenGrantOptions extends TokenEndpointOptions {
  refreshToken: string
  /** An access token already held (e.g. from the login response); fetched on first use when omitted. */
  accessToken?: string
  /** Scopes to ask for (RFC 6749 §6: at most the originally granted ones). */
  scopes?: string[]
}

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions extends TokenEndpointOptions {
  clientSecret: string
  scopes?: string[]
}

/** Seconds before `expires_in` runs out at which a token counts as expired (clock skew, request latency); a tenth of short lifetimes. */
const expiryLeeway = (expiresIn: number) => Math.min(30, expiresIn / 10)

type Grant = (as: oauth.AuthorizationServer, client: oauth.Client, auth: oauth.ClientAuth, opts: oauth.TokenEndpointRequestOptions) => Promise<oauth.TokenEndpointResponse>

/** A token source over one grant: caches the access token until it expires, and shares one request among concurrent callers. */
function grantSource(o: TokenEndpointOptions, initial: string | undefined, grant: Grant): TokenSource {
  const url = new URL(o.tokenEndpoint)
  const as: oauth.AuthorizationServer = { issuer: o.issuer ?? url.origin, token_endpoint: url.href }
  const client: oauth.Client = { client_id: o.clientId }
  const auth =
    o.clientSecret === undefined ? oauth.None() : o.clientAuth === 'post' ? oauth.ClientSecretPost(o.clientSecret) : oauth.ClientSecretBasic(o.clientSecret)
  const opts: oauth.TokenEndpointRequestOptions = {}
  if (o.fetch) opts[oauth.customFetch] = o.fetch
  // oauth4webapi refuses http: outright; loopback is where tests and local servers live (RFC 8252 §8.3).
  if (url.protocol === 'http:' && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)) opts[oauth.allowInsecureRequests] = true

  let token = initial
  let expiresAt = Infinity
  let pending: Promise<string> | undefined
  const renew = (): Promise<string> =>
    (pending ??= (async () => {
      const tokens = await grant(as, client, auth, opts)
      token = tokens.access_token
      expiresAt = tokens.expires_in === undefined ? Infinity : Date.now() + (tokens.expires_in - expiryLeeway(tokens.expires_in)) * 1000
      await o.onTokens?.(tokens)
      return token
    })().finally(() => (pending = undefined)))
  return {
    // A failed renewal here sends the request without a token; its 401 then goes through `refresh`, once.
    getToken: () => (token !== undefined && Date.now() < expiresAt ? token : renew().catch(() => undefined)),
    refresh: renew,
  }
}

/**
 * Access tokens from a refresh token (RFC 6749 §6), on oauth4webapi: refreshes on
 * expiry or after a 401, keeps the rotated refresh token the server returns
 * (OAuth 2.0 Security BCP §4.14), and hands every response to `onTokens`.
 * @example createClient({ baseUrl, auth: { oauth2: refreshTokenGrant({ tokenEndpoint, clientId, refreshToken }) } })
 */
export function refreshTokenGrant(o: RefreshTokenGrantOptions): TokenSource {
  let refreshToken = o.refreshToken
  const params = o.scopes ? new URLSearchParams({ scope: o.scopes.join(' ') }) : undefined
  return grantSource(o, o.accessToken, async (as, client, auth, opts) => {
    const res = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, { ...opts, additionalParameters: params })
    const tokens = await oauth.processRefreshTokenResponse(as, client, res)
    if (tokens.refresh_token) refreshToken = tokens.refresh_token
    return tokens
  })
}

/**
 * Access tokens for the client itself (RFC 6749 §4.4), on oauth4webapi: fetched on
 * first use, again on expiry or after a 401.
 * @example createClient({ baseUrl, auth: { oauth2: clientCredentials({ tokenEndpoint, clientId, clientSecret, scopes: ['articles:read'] }) } })
 */
export function clientCredentials(o: ClientCredentialsOptions): TokenSource {
  const params: Record<string, string> = o.scopes?.length ? { scope: o.scopes.join(' ') } : {}
  return grantSource(o, undefined, async (as, client, auth, opts) =>
    oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, auth, params, opts)),
  )
}
