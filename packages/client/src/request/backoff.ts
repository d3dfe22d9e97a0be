// Loaded by the first response that is retried (its own chunk): a page whose calls get
// no 408/429/5xx never downloads the wait or the Retry-After parser.
import { parseRetryAfter } from '@gatehouse/http-auth/retry-after'
import type { RetryPolicy } from './retry.js'

/**
 * Waits before try `attempt + 1`: `Retry-After` (RFC 9110 §10.2.3) when the response gives
 * one, else exponential backoff with full jitter; capped at `maxDelayMs`. Rejects with the
 * signal's reason if it aborts first.
 */
export async function backoff(policy: RetryPolicy, attempt: number, res: Response, signal: AbortSignal | undefined): Promise<void> {
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'))
  await res.body?.cancel()
  const ms = Math.min(retryAfter ?? Math.random() * policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const done = () => {
      signal?.removeEventListener('abort', abort)
      resolve()
    }
    const timer = setTimeout(done, ms)
    const abort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}
