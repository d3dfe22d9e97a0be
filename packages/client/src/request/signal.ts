/** The signal a request runs under, and how to tell the caller's abort from the timeout. */
export interface RequestSignal {
  signal: AbortSignal | undefined
  timeout: AbortSignal | undefined
}

/**
 * Combines the caller's `signal` with `timeoutMs` (which covers the whole call, retries and body
 * included). `AbortSignal.any` is Baseline since 2024 (Chrome 116, Firefox 124, Safari 17.4; Node
 * 20.3): the listener-based fallback for older browsers cost every page 78 B gzipped of first load.
 */
export function requestSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): RequestSignal {
  if (timeoutMs === undefined) return { signal, timeout: undefined }
  const timeout = AbortSignal.timeout(timeoutMs)
  return { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, timeout }
}
