// Scheme and parameter names repeat in every challenge. Recognizing the
// well-known ones in place — one pass that both finds the end of the token and
// yields a shared lowercase string — skips the token scan, a slice and a
// lowercase per name, and gives the params object an internalized key. Any
// other name is scanned and sliced as usual.

import { CHAR, TCHAR } from './chars.js'

const KNOWN = [
  'basic', 'bearer', 'digest', 'dpop', 'negotiate', 'ntlm', 'newauth', 'hoba', 'mutual',
  'realm', 'error', 'error_description', 'error_uri', 'scope', 'algs', 'charset', 'nonce', 'opaque', 'qop',
  'algorithm', 'stale', 'domain', 'userhash', 'acr_values', 'max_age', 'resource_metadata', 'title', 'type',
]

// Known names by lowercase first letter.
const BY_FIRST: (string[] | undefined)[] = new Array(128).fill(undefined)
for (const name of KNOWN) (BY_FIRST[name.charCodeAt(0)] ??= []).push(name)

/** End of the token matched by the last successful {@link knownName}. */
export let knownEnd = 0

/**
 * The shared lowercase spelling of the well-known name that forms the whole
 * token at `start` (compared case-insensitively), or undefined; on success
 * {@link knownEnd} is where the token ends.
 */
export function knownName(s: string, start: number): string | undefined {
  const n = s.length
  const first = s.charCodeAt(start) | 0x20
  const candidates = first < 128 ? BY_FIRST[first] : undefined
  if (candidates === undefined) return undefined
  next: for (let k = 0; k < candidates.length; k++) {
    const name = candidates[k]!
    const end = start + name.length
    if (end > n) continue
    for (let i = 1; i < name.length; i++) {
      const c = s.charCodeAt(start + i)
      const want = name.charCodeAt(i)
      if (c !== want && !(c >= 0x41 && c <= 0x5a && c + 0x20 === want)) continue next
    }
    // `error` must not match the start of `errors`.
    if (end < n) {
      const c = s.charCodeAt(end)
      if (c < 0x100 && (CHAR[c]! & TCHAR) !== 0) continue
    }
    knownEnd = end
    return name
  }
  return undefined
}

/** The ASCII-lowercased text of `s[start, end)`, without allocating a second string when it is already lowercase. */
export function lowerSlice(s: string, start: number, end: number): string {
  const text = s.slice(start, end)
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x41 && c <= 0x5a) return text.toLowerCase()
  }
  return text
}
