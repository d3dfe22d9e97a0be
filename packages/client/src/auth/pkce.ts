// Sign-in for single-page apps: the authorization code grant with PKCE
// (RFC 6749 §4.1, RFC 7636 S256; OAuth 2.0 for Browser-Based Apps), on oauth4webapi.
// The library builds the URL and reads the callback; navigating is the app's job.
import * as oauth from 'oauth4webapi'
import { expiryOf, refreshSource, requestOptions, type RefreshTokenGrantOptions, type TokenStorage } from './oauth.js'
import type { TokenSource } from './token-source.js'

/** Options of {@link authorizationCodeWithPkce}: an `issuer` to discover the endpoints from, or both endpoints. */
export interface AuthorizationCodeWithPkceOptions extends Omit<RefreshTokenGrantOptions, 'tokenEndpoint' | 'refreshToken' | 'accessToken' | 'clientSecret' | 'clientAuth'> {
  /** The authorization server's issuer identifier; its metadata (RFC 8414 / OpenID Discovery) gives the endpoints not set here. */
  issuer?: string
  authorizationEndpoint?: string
  tokenEndpoint?: string
  /** Registered redirect URI; the page at it calls `handleCallback(location.href)`. */
  redirectUri: string
  scopes: string[]
  /** Extra authorization request parameters, e.g. `{ prompt: 'consent' }` (needed by OpenID providers for `offline_access`), `resource`. */
  params?: Record<string, string>
  /** Keeps `state` and the code verifier across the redirect; defaults to `sessionStorage` (this tab only). */
  transientStorage?: TokenStorage
}

/** The two halves of a sign-in, either side of the redirect. */
export interface PkceSignIn {
  /** A fresh `state` and code verifier (kept in `transientStorage`), and the authorization URL to send the browser to. */
  authorizationUrl(): Promise<string>
  /**
   * Completes the callback: checks `state` (and the RFC 9207 `iss`), exchanges the code
   * with the verifier, and returns a token source that refreshes (with `crossTab` and
   * `storage` as configured). Rejects on an error response or a mismatched `state`.
   */
  handleCallback(callbackUrl: string): Promise<TokenSource>
}

/**
 * Sign-in with the authorization code grant and PKCE S256, for public clients.
 * @example
 * const signIn = authorizationCodeWithPkce({ issuer, clientId, redirectUri: `${location.origin}/callback`, scopes: ['openid', 'offline_access', 'articles:read'], crossTab: true })
 * location.assign(await signIn.authorizationUrl())
 * // on /callback:
 * const api = createClient({ baseUrl, auth: { oauth2: await signIn.handleCallback(location.href) } })
 */
export function authorizationCodeWithPkce(o: AuthorizationCodeWithPkceOptions): PkceSignIn {
  if (!o.issuer && !(o.authorizationEndpoint && o.tokenEndpoint)) {
    throw new TypeError('authorizationCodeWithPkce: give `issuer`, or both `authorizationEndpoint` and `tokenEndpoint`')
  }
  const client: oauth.Client = { client_id: o.clientId }
  const key = `gatehouse:${o.clientId}:pkce`
  const transient = (): TokenStorage => {
    const s = o.transientStorage ?? (globalThis as { sessionStorage?: TokenStorage }).sessionStorage
    if (!s) throw new TypeError('authorizationCodeWithPkce: no sessionStorage here; pass `transientStorage`')
    return s
  }
  let metadata: Promise<oauth.AuthorizationServer> | undefined
  const server = () =>
    (metadata ??= (async () => {
      let as: oauth.AuthorizationServer = { issuer: o.issuer ?? new URL(o.tokenEndpoint!).origin }
      if (o.issuer && !(o.authorizationEndpoint && o.tokenEndpoint)) {
        const issuer = new URL(o.issuer)
        as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, requestOptions(issuer, o.fetch) as oauth.DiscoveryRequestOptions))
      }
      return { ...as, authorization_endpoint: o.authorizationEndpoint ?? as.authorization_endpoint, token_endpoint: o.tokenEndpoint ?? as.token_endpoint }
    })())

  return {
    async authorizationUrl() {
      const as = await server()
      if (!as.authorization_endpoint) throw new Error(`authorizationCodeWithPkce: ${as.issuer} publishes no authorization_endpoint`)
      const state = oauth.generateRandomState()
      const verifier = oauth.generateRandomCodeVerifier()
      await transient().setItem(key, JSON.stringify({ state, verifier }))
      const url = new URL(as.authorization_endpoint)
      const q = url.searchParams
      q.set('response_type', 'code')
      q.set('client_id', o.clientId)
      q.set('redirect_uri', o.redirectUri)
      q.set('scope', o.scopes.join(' '))
      q.set('state', state)
      q.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier))
      q.set('code_challenge_method', 'S256')
      for (const k in o.params) q.set(k, o.params[k]!)
      return url.href
    },

    async handleCallback(callbackUrl) {
      const as = await server()
      const store = transient()
      const saved = await store.getItem(key)
      if (!saved) throw new Error('authorizationCodeWithPkce: no sign-in in progress in this tab (call authorizationUrl() before the redirect)')
      // One use: a replayed callback URL finds nothing.
      await (store.removeItem ? store.removeItem(key) : store.setItem(key, ''))
      const { state, verifier } = JSON.parse(saved) as { state: string; verifier: string }
      const params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), state)
      const tokenEndpoint = as.token_endpoint!
      const opts = requestOptions(new URL(tokenEndpoint), o.fetch)
      const res = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, o.redirectUri, verifier, opts)
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, res)
      await o.onTokens?.(tokens)
      return refreshSource(
        { ...o, tokenEndpoint, issuer: as.issuer },
        {
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token,
          expiresAt: expiryOf(tokens.expires_in),
        },
      )
    },
  }
}
