// Loaded by the first response with a retryable status (its own chunk): a page whose calls get
// no 408/429/5xx never downloads the retry policy, the wait or the Retry-After parser.
import { parseRetryAfter } from '@gatehouse/http-auth/retry-after'
import { mayRetry, resolveRetry, type RetryOptions } from './retry.js'

/**
 * Decides whether to send try `attempt + 1` (the `retry` option's policy: tries left, and an
 * idempotent method or an `Idempotency-Key`); false leaves `res` untouched, to be the result.
 * Else waits: `Retry-After` (RFC 9110 §10.2.3) when the response gives one, else exponential
 * backoff with full jitter; capped at `maxDelayMs`. Rejects with the signal's reason if it aborts first.
 */
export async function backoff(
  option: RetryOptions | false | undefined,
  attempt: number,
  method: string,
  headers: Record<string, string>,
  res: Response,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const policy = resolveRetry(option)
  if (!mayRetry(policy, attempt, method, headers)) return false
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'))
  await res.body?.cancel()
  const ms = Math.min(retryAfter ?? Math.random() * policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const done = () => {
      signal?.removeEventListener('abort', abort)
      resolve(true)
    }
    const timer = setTimeout(done, ms)
    const abort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}
