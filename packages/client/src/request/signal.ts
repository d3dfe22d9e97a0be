/** The signal a request runs under, and how to tell the caller's abort from the timeout. */
export interface RequestSignal {
  signal: AbortSignal | undefined
  timeout: AbortSignal | undefined
}

/** Combines the caller's `signal` with `timeoutMs` (which covers the whole call, retries and body included). */
export function requestSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): RequestSignal {
  if (timeoutMs === undefined) return { signal, timeout: undefined }
  const timeout = AbortSignal.timeout(timeoutMs)
  return { signal: signal ? anySignal([signal, timeout]) : timeout, timeout }
}

/** `AbortSignal.any` where the platform has it (Node 20.3+, 2023 browsers), else a listener-based equivalent. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (AbortSignal.any) return AbortSignal.any(signals)
  const controller = new AbortController()
  for (const s of signals) {
    if (s.aborted) return AbortSignal.abort(s.reason)
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: controller.signal })
  }
  return controller.signal
}
