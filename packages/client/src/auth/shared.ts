import type { TokenSource } from './token-source.js'

/** The tokens one tab hands to the others (`crossTab`). */
export interface TokenSet {
  accessToken: string
  /** The (rotated) refresh token, when the source has one: the other tabs must refresh with it, never with the old one. */
  refreshToken?: string
  /** Epoch milliseconds at which the access token counts as expired. */
  expiresAt?: number
}

/**
 * What the package's own token sources let `crossTab` do besides `getToken`/`refresh`:
 * read and replace their tokens, and run every renewal (the one `getToken` starts on
 * expiry included) through a wrapper. Kept in a WeakMap, off the public `TokenSource` shape.
 */
export interface Shareable {
  current(): TokenSet | undefined
  adopt(tokens: TokenSet): void
  /** Every later renewal runs as `wrap(renew)`. */
  wrapRenewal(wrap: (renew: () => Promise<string>) => Promise<string>): void
}

export const shareable = new WeakMap<TokenSource, Shareable>()
