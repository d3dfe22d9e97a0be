// How each kind of security scheme puts its credential on a request. The generated client.ts
// imports only the kinds its spec has, so a bearer-only API bundles no Basic or API-key code.
import { sourceOf, type CredentialBinder } from './credentials.js'
import type { BasicCredentials } from './token-source.js'

/**
 * A bearer token (RFC 6750 §2.1: `Authorization: Bearer …`), for http `bearer`, `oauth2` and
 * `openIdConnect` schemes; with the `dpop` option the client sends `DPoP …` and a proof instead (RFC 9449 §7.1).
 * The credential is a token source or a fixed string.
 */
export const bearerCredential: CredentialBinder = (value) => ({
  kind: 'bearer',
  source: sourceOf(value),
  put: (headers, url, token) => ((headers.authorization = 'Bearer ' + token), url),
})

/**
 * An API key (OpenAPI `apiKey` scheme) sent in the header, query parameter or cookie `name`.
 * The credential is a token source or a fixed string.
 * @example const schemes = { apiKey: apiKeyCredential('header', 'X-API-Key') }
 */
export function apiKeyCredential(location: 'header' | 'query' | 'cookie', name: string): CredentialBinder {
  // Header names lowercased: request headers are a plain record with lowercase names.
  const key = location === 'header' ? name.toLowerCase() : name
  const put: ReturnType<CredentialBinder>['put'] =
    location === 'header'
      ? (headers, url, token) => ((headers[key] = token), url)
      : location === 'query'
        ? (_, url, token) => url + (url.includes('?') ? '&' : '?') + encodeURIComponent(key) + '=' + encodeURIComponent(token)
        : (headers, url, token) => ((headers.cookie = (headers.cookie ? headers.cookie + '; ' : '') + key + '=' + token), url)
  return (value) => ({ kind: 'apiKey', source: sourceOf(value), put })
}

/**
 * HTTP Basic (RFC 7617): `user:pass` in UTF-8 (§2.1 charset), base64, computed once. The same
 * bytes as http-auth's `encodeBasicCredentials`, written here because importing that package
 * would pull its parsers into a browser's first chunk. The credential is `{ username, password }`.
 */
export const basicCredential: CredentialBinder = (value) => {
  const { username, password } = value as BasicCredentials
  let binary = ''
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte)
  const token = btoa(binary)
  return { kind: 'basic', source: { getToken: () => token }, put: (headers, url, t) => ((headers.authorization = 'Basic ' + t), url) }
}
