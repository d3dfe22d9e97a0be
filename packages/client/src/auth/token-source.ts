import type { Challenge } from '../http-auth.js'

/** What a token source learns when the client asks it for a new token after a 401. */
export interface RefreshContext {
  /** The token the server rejected (`undefined` if the request carried none). */
  rejected: string | undefined
  /** The challenges of the 401 that triggered the refresh (RFC 9110 §11.6.1). */
  challenges: Challenge[]
}

/**
 * Where a bearer token or API key comes from. `getToken` is called before every
 * request (keep it cheap: return a cached value); `refresh`, if present, is called
 * at most once per rejected token, however many requests were rejected with it.
 */
export interface TokenSource {
  getToken(): Promise<string | undefined> | string | undefined
  refresh?(ctx: RefreshContext): Promise<string | undefined>
}

/** HTTP Basic credentials (RFC 7617); sent as `Authorization: Basic base64(user:pass)`. */
export interface BasicCredentials {
  username: string
  password: string
}

/**
 * A token that never changes (an API key, a long-lived personal token): no
 * refresh, so a 401 is returned as is and `onUnauthenticated` is called.
 * @example createClient({ baseUrl, auth: { apiKey: staticToken(process.env.KEY) } })
 */
export function staticToken(token: string | undefined): TokenSource {
  return { getToken: () => token }
}
