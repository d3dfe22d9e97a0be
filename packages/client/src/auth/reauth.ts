import type { TokenSource } from './token-source.js'

/** Per token source: the refresh in flight, the last replacement made, and the token whose refresh failed. */
export interface SourceState {
  pending?: Promise<string | undefined> | undefined
  /** A token a refresh replaced, and its replacement: a source whose `getToken` still returns the old one is corrected. */
  stale?: string | undefined
  fresh?: string | undefined
  /** Set when refreshing `failedFor` failed: later 401s carrying it do not refresh again (no loops). */
  failed?: boolean
  failedFor?: string | undefined
  /** What the failed refresh threw (kept for the results of later 401s with the same token). */
  error?: unknown
}

// A function of its own, not a closure per call: the synchronous path allocates nothing.
const replaced = (v: string | undefined, st: SourceState) => (st.fresh !== undefined && v === st.stale ? st.fresh : v)

/** The token to send now: the source's, unless a refresh has already replaced it; synchronous when the source is. */
export function currentToken(source: TokenSource, st: SourceState): Promise<string | undefined> | string | undefined {
  const t = source.getToken()
  return typeof t === 'object' ? t.then((v) => replaced(v, st)) : replaced(t, st)
}
