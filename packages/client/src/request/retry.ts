/** `retry` option: how often and how long to wait on 408, 429, 502, 503 and 504. */
export interface RetryOptions {
  /** Total tries, the first included (default 3; 1 = never retry). */
  attempts?: number
  /** Upper bound of any one wait, `Retry-After` included (default 10 s). */
  maxDelayMs?: number
  /** First backoff step before jitter (default 300 ms); doubled per try. */
  baseDelayMs?: number
}

/** Retry settings after defaults (the single source of them). */
export interface RetryPolicy {
  attempts: number
  maxDelayMs: number
  baseDelayMs: number
}

/** Applies the defaults; `false` turns retries off. */
export function resolveRetry(option: RetryOptions | false | undefined): RetryPolicy {
  if (option === false) return { attempts: 1, maxDelayMs: 0, baseDelayMs: 0 }
  return { attempts: option?.attempts ?? 3, maxDelayMs: option?.maxDelayMs ?? 10_000, baseDelayMs: option?.baseDelayMs ?? 300 }
}

// RFC 9110 §9.2.2: these may be repeated without changing the outcome.
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/i

/**
 * Whether a response with a retryable status (client.ts's `RETRYABLE`) may be retried: an idempotent method
 * (RFC 9110 §9.2.2) or an `Idempotency-Key` request, and tries left.
 */
export function mayRetry(policy: RetryPolicy, attempt: number, method: string, headers: Record<string, string>): boolean {
  return attempt < policy.attempts && (IDEMPOTENT.test(method) || headers['idempotency-key'] !== undefined)
}
