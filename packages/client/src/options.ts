import type { BasicCredentials, TokenSource } from './auth/token-source.js'
import type { Middleware } from './request/middleware.js'
import type { HeadersLike } from './request/headers.js'
import type { RetryOptions } from './request/retry.js'
import type { UnauthorizedResult } from './result/types.js'
import type { ValidateOption } from './validate.js'

/** The credential a scheme of `security.ts` takes, by how it travels (its `credential` kind). */
export type CredentialFor<Scheme> = Scheme extends { credential: 'basic' }
  ? BasicCredentials
  : Scheme extends { credential: 'bearer' | 'apiKey' }
    ? TokenSource | string
    : never

/** `auth`: one credential per security scheme name of the spec; operations send what their `security` asks for. */
export type AuthOptions<Schemes> = { [K in keyof Schemes]?: CredentialFor<Schemes[K]> }

/** How `fetch` is called: `fetch(url, init)`, as the global one. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** Signs DPoP proofs (RFC 9449 §4); when given, bearer tokens are sent as `Authorization: DPoP …` with a `DPoP` proof. */
export interface DpopSigner {
  /** A proof JWT for this request (`htm`, `htu`, `ath` of `accessToken`, `nonce` when the server gave one). */
  proof(input: { method: string; url: string; accessToken: string; nonce?: string }): Promise<string> | string
}

/** Options of a generated `createClient`, over the spec's security schemes. */
export interface RuntimeOptions<Schemes = Record<string, unknown>> {
  /** Prefix of every path, e.g. `https://api.example.com/v1` (a trailing slash is ignored). */
  baseUrl: string
  auth?: AuthOptions<Schemes>
  /** Transport, called as `fetch(url, init)`; defaults to the global `fetch`. */
  fetch?: FetchLike
  /** Retries of 408/429/502/503/504; `false` disables them. */
  retry?: RetryOptions | false
  /** Abort a call (retries included) after this many milliseconds; no limit by default. */
  timeoutMs?: number
  /** Headers sent with every request. */
  headers?: HeadersLike
  /**
   * Called for every 401 that the client could not recover from (no refresh, or
   * the refresh failed, or the replay got 401 again) — not for credentials-exchange
   * operations, whose 401 means wrong credentials. Typically: sign the user out.
   */
  onUnauthenticated?: (result: UnauthorizedResult, operation: string) => void
  /**
   * Development aid, opt-in: check success bodies against the generated zod schemas, which the
   * caller passes (the client never imports `schemas.ts` itself, so a frontend without this
   * option bundles no zod).
   * @example
   * import * as schemas from './api/schemas.js'
   * createClient({ baseUrl, validate: schemas })
   * // or loaded on first use, in a chunk of its own:
   * createClient({ baseUrl, validate: () => import('./api/schemas.js') })
   */
  validate?: ValidateOption
  /** Optional DPoP proofs (RFC 9449); enables the `use_dpop_nonce` retry. */
  dpop?: DpopSigner
  /** Hooks around every attempt (retries and replays included): `onRequest`, `onResponse`, `onError`. */
  middleware?: readonly Middleware[]
}
