import type { TokenSource } from './token-source.js'

/** Options of {@link crossTab}. */
export interface CrossTabOptions {
  /** Names the Web Lock and the BroadcastChannel: one per token family (e.g. per client id and user). */
  name: string
  /**
   * How long a tab that waited for the lock waits for the holder's tokens to arrive
   * (they are posted before the lock is released, but may trail it); default 1000 ms.
   */
  waitMs?: number
}

/**
 * Shares a token source across the tabs of an origin: one refresh at a time
 * (Web Locks, `navigator.locks`), the new tokens handed to the other tabs
 * (BroadcastChannel), and a tab that waited for the lock uses them instead of
 * refreshing again. The package's sources (`refreshTokenGrant`,
 * `authorizationCodeWithPkce`) hand over their rotated refresh token too and
 * coordinate the renewal `getToken` starts on expiry; any other source shares
 * its access token and its `refresh`. Returns `source` unchanged where either
 * API is missing (Node, old browsers). The implementation loads on first use.
 * @example auth: { oauth2: crossTab(mySource, { name: 'app:oauth2' }) }
 */
export function crossTab(source: TokenSource, options: CrossTabOptions): TokenSource {
  const locks = (globalThis as { navigator?: Navigator }).navigator?.locks
  if (!locks || typeof BroadcastChannel !== 'function' || !source.refresh) return source
  let shared: TokenSource | undefined
  // Calls wait for the module, so no renewal can start before it has wrapped the source's.
  const ready = import('./share-tabs.js').then((m) => (shared = m.shareAcrossTabs(source, options, locks)))
  return {
    getToken: () => (shared ? shared.getToken() : ready.then((s) => s.getToken())),
    refresh: async (ctx) => (shared ?? (await ready)).refresh!(ctx),
  }
}
