import * as oauth from 'oauth4webapi'
import { crossTab } from './cross-tab.js'
import { shareable, type TokenSet } from './shared.js'
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

/**
 * Where a refresh token is kept between page loads, in the Web Storage shape:
 * `localStorage` (shared by the origin's tabs), `sessionStorage` (one tab), or
 * your own object (an encrypted IndexedDB wrapper, a native bridge; may be async).
 */
export interface TokenStorage {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>
  setItem(key: string, value: string): void | Promise<void>
  removeItem?(key: string): void | Promise<void>
}

/** Options of {@link refreshTokenGrant}. */
export interface RefreshTokenGrantOptions extends TokenEndpointOptions {
  /** The refresh token; may be omitted when `storage` already holds one. */
  refreshToken?: string
  /** An access token already held (e.g. from the login response); fetched on first use when omitted. */
  accessToken?: string
  /** Scopes to ask for (RFC 6749 §6: at most the originally granted ones). */
  scopes?: string[]
  /** Keeps the refresh token (read before each refresh, written after each rotation); memory only when omitted. */
  storage?: TokenStorage
  /** The key in `storage`; defaults to `gatehouse:<clientId>:refresh_token`. */
  storageKey?: string
  /**
   * One refresh at a time across the origin's tabs, the new tokens handed to the
   * others (see {@link crossTab}); `true` names the lock after `clientId`.
   */
  crossTab?: boolean | { name: string }
}

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions extends TokenEndpointOptions {
  clientSecret: string
  scopes?: string[]
}

/** Seconds before `expires_in` runs out at which a token counts as expired (clock skew, request latency); a tenth of short lifetimes. */
const expiryLeeway = (expiresIn: number) => Math.min(30, expiresIn / 10)

/** oauth4webapi's request options: the injected `fetch`, and plain http for loopback hosts only. */
export function requestOptions(url: URL, fetch: TokenEndpointOptions['fetch']): oauth.TokenEndpointRequestOptions {
  const opts: oauth.TokenEndpointRequestOptions = {}
  if (fetch) opts[oauth.customFetch] = fetch
  // oauth4webapi refuses http: outright; loopback is where tests and local servers live (RFC 8252 §8.3).
  if (url.protocol === 'http:' && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)) opts[oauth.allowInsecureRequests] = true
  return opts
}

/** When a token with this `expires_in` (RFC 6749 §5.1) counts as expired, in epoch milliseconds. */
export const expiryOf = (expiresIn: number | undefined): number =>
  expiresIn === undefined ? Infinity : Date.now() + (expiresIn - expiryLeeway(expiresIn)) * 1000

type Grant = (as: oauth.AuthorizationServer, client: oauth.Client, auth: oauth.ClientAuth, opts: oauth.TokenEndpointRequestOptions) => Promise<oauth.TokenEndpointResponse>

/**
 * A 401 with a challenge (RFC 6749 §5.2 `invalid_client`) makes oauth4webapi throw a
 * WWWAuthenticateChallengeError without reading the body: read the endpoint's `{"error": …}` from
 * it, so every refusal reaches the caller as a ResponseBodyError with `error` and `status`.
 */
async function endpointError(e: unknown): Promise<never> {
  if (!(e instanceof oauth.WWWAuthenticateChallengeError) || e.response.bodyUsed) throw e
  const body: unknown = await e.response.json().catch(() => undefined)
  if (typeof body !== 'object' || body === null || typeof (body as { error?: unknown }).error !== 'string') throw e
  throw new oauth.ResponseBodyError('server responded with an error in the response body', { cause: body as oauth.OAuth2Error, response: e.response })
}

/**
 * A token source over one grant: caches the access token until it expires, and
 * shares one request among concurrent callers. `tokens` is its state, which the
 * grant may read (the refresh token) and `crossTab` may replace.
 */
export function grantSource(o: TokenEndpointOptions, tokens: Partial<TokenSet>, grant: Grant): TokenSource {
  const url = new URL(o.tokenEndpoint)
  const as: oauth.AuthorizationServer = { issuer: o.issuer ?? url.origin, token_endpoint: url.href }
  const client: oauth.Client = { client_id: o.clientId }
  const auth =
    o.clientSecret === undefined ? oauth.None() : o.clientAuth === 'post' ? oauth.ClientSecretPost(o.clientSecret) : oauth.ClientSecretBasic(o.clientSecret)
  const opts = requestOptions(url, o.fetch)

  let pending: Promise<string> | undefined
  const request = async (): Promise<string> => {
    const r = await grant(as, client, auth, opts).catch(endpointError)
    tokens.accessToken = r.access_token
    tokens.expiresAt = expiryOf(r.expires_in)
    if (r.refresh_token) tokens.refreshToken = r.refresh_token
    await o.onTokens?.(r)
    return r.access_token
  }
  let wrap = (renew: () => Promise<string>) => renew()
  const renew = (): Promise<string> => (pending ??= wrap(request).finally(() => (pending = undefined)))
  const source: TokenSource = {
    // A failed renewal rejects with the token endpoint's error: the client reports it with the call.
    getToken: () => (tokens.accessToken !== undefined && Date.now() < (tokens.expiresAt ?? Infinity) ? tokens.accessToken : renew()),
    refresh: renew,
  }
  shareable.set(source, {
    current: () => (tokens.accessToken === undefined ? undefined : { ...tokens } as TokenSet),
    adopt: (t) => void Object.assign(tokens, t),
    wrapRenewal: (w) => void (wrap = w),
  })
  return source
}

/**
 * Access tokens from a refresh token (RFC 6749 §6), on oauth4webapi: refreshes on
 * expiry or after a 401, keeps the rotated refresh token the server returns
 * (OAuth 2.0 Security BCP §4.14; in `storage` when given), and hands every
 * response to `onTokens`. With `crossTab`, the tabs of an origin refresh one at a time.
 * @example createClient({ baseUrl, auth: { oauth2: refreshTokenGrant({ tokenEndpoint, clientId, refreshToken, crossTab: true }) } })
 */
export function refreshTokenGrant(o: RefreshTokenGrantOptions): TokenSource {
  return refreshSource(o, { accessToken: o.accessToken, refreshToken: o.refreshToken })
}

/** `refreshTokenGrant` from a token set already held (the authorization code response's, for PKCE sign-in). */
export function refreshSource(o: RefreshTokenGrantOptions, tokens: Partial<TokenSet>): TokenSource {
  const key = o.storageKey ?? `gatehouse:${o.clientId}:refresh_token`
  const { storage } = o
  if (storage && tokens.refreshToken) void storage.setItem(key, tokens.refreshToken)
  const params = o.scopes ? new URLSearchParams({ scope: o.scopes.join(' ') }) : undefined
  const source = grantSource(o, tokens, async (as, client, auth, opts) => {
    // Another tab (or an earlier page load) may have rotated it: storage holds the latest.
    const refreshToken = (storage && (await storage.getItem(key))) || tokens.refreshToken
    if (!refreshToken) throw new Error(`refreshTokenGrant: no refresh token (none given, and none in storage under ${key})`)
    const res = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, { ...opts, additionalParameters: params })
    const r = await oauth.processRefreshTokenResponse(as, client, res)
    if (storage && r.refresh_token) await storage.setItem(key, r.refresh_token)
    return r
  })
  return o.crossTab ? crossTab(source, { name: o.crossTab === true ? `gatehouse:${o.clientId}` : o.crossTab.name }) : source
}

/**
 * Access tokens for the client itself (RFC 6749 §4.4), on oauth4webapi: fetched on
 * first use, again on expiry or after a 401.
 * @example createClient({ baseUrl, auth: { oauth2: clientCredentials({ tokenEndpoint, clientId, clientSecret, scopes: ['articles:read'] }) } })
 */
export function clientCredentials(o: ClientCredentialsOptions): TokenSource {
  const params: Record<string, string> = o.scopes?.length ? { scope: o.scopes.join(' ') } : {}
  return grantSource(o, {}, async (as, client, auth, opts) =>
    oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, auth, params, opts)),
  )
}
