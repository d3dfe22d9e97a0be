/** Header values callers may pass: anything `fetch` takes, or a record whose `undefined` entries are skipped. */
export type HeadersLike = HeadersInit | Record<string, string | number | boolean | undefined>

/**
 * Copies headers into a plain record with lowercased names: plain objects are
 * cheaper for `fetch` than a `Headers` instance, and lowercase names let the
 * credentials and retry code look a header up without a case-insensitive scan.
 */
export function mergeHeaders(into: Record<string, string>, from: HeadersLike | undefined): Record<string, string> {
  if (!from) return into
  if (from instanceof Headers || Array.isArray(from)) {
    new Headers(from as HeadersInit).forEach((v, k) => (into[k] = v))
  } else {
    for (const k in from) {
      const v = (from as Record<string, unknown>)[k]
      if (v !== undefined && v !== null) into[k.toLowerCase()] = String(v)
    }
  }
  return into
}
