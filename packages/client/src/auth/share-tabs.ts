// One refresh at a time across the tabs of an origin. With a rotating refresh
// token (OAuth 2.0 Security BCP, RFC 9700 §4.14.2), two tabs refreshing with the
// same token look like a replay: the server revokes the whole token family.
// Loaded by `crossTab` on first use (its own chunk in a bundle).
import type { CrossTabOptions } from './cross-tab.js'
import { shareable, type TokenSet } from './shared.js'
import type { TokenSource } from './token-source.js'

type Message = { type: 'tokens'; tokens: TokenSet } | { type: 'failed' }

/** `crossTab`'s implementation, where Web Locks and BroadcastChannel exist. */
export function shareAcrossTabs(source: TokenSource, options: CrossTabOptions, locks: LockManager): TokenSource {
  const { name, waitMs = 1000 } = options
  const hooks = shareable.get(source)
  const channel = new BroadcastChannel(name)
  let received = 0
  /** Another tab's access token, for sources that cannot adopt tokens. */
  let theirs: string | undefined
  /** Tabs' own waiters for the next message (several clients may share one source). */
  const wakers = new Set<() => void>()
  channel.onmessage = (e: MessageEvent<Message>) => {
    received++
    if (e.data.type === 'tokens') {
      if (hooks) hooks.adopt(e.data.tokens)
      else theirs = e.data.tokens.accessToken
    }
    for (const wake of wakers) wake()
  }

  const current = () => (hooks ? hooks.current()?.accessToken : theirs)

  /** Runs `renew` holding the origin-wide lock, unless the tokens another tab just got make it unnecessary. */
  async function coordinated(renew: () => Promise<string | undefined>, rejected: string | undefined): Promise<string | undefined> {
    const seen = received
    const run = async (waited: boolean) => {
      // The holder posted its outcome before releasing the lock; the message may still be on its way.
      if (waited && received === seen) {
        let wake!: () => void
        await new Promise<void>((resolve) => (wakers.add((wake = resolve)), setTimeout(resolve, waitMs)))
        wakers.delete(wake)
      }
      const now = current()
      if (now !== undefined && now !== rejected) return now
      let token: string | undefined
      try {
        token = await renew()
      } finally {
        channel.postMessage(token === undefined ? { type: 'failed' } : { type: 'tokens', tokens: hooks?.current() ?? { accessToken: token } })
      }
      theirs = undefined
      return token
    }
    const hold = (ifAvailable: boolean) =>
      new Promise<{ token: string | undefined } | undefined>((resolve, reject) => {
        locks
          .request(name, { ifAvailable }, async (lock) => {
            if (!lock) return resolve(undefined)
            await run(!ifAvailable).then((token) => resolve({ token }), reject)
            // Held a moment longer, so that the next tab to take it has received the tokens just posted.
            await new Promise((r) => setTimeout(r, 50))
          })
          .catch(reject)
      })
    return ((await hold(true)) ?? (await hold(false)))!.token
  }

  if (hooks) {
    hooks.wrapRenewal((renew) => coordinated(renew, hooks.current()?.accessToken) as Promise<string>)
    return source
  }
  return {
    getToken: () => theirs ?? source.getToken(),
    refresh: (ctx) => coordinated(() => source.refresh!(ctx), ctx.rejected),
  }
}
