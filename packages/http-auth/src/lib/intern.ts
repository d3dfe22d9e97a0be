// Returning a shared lowercase string for the names every challenge repeats
// skips a slice and a toLowerCase allocation per name — most of the cost of
// parsing a short challenge. Any other name falls back to slice + lowercase.

const KNOWN = [
  'basic', 'bearer', 'digest', 'dpop', 'negotiate', 'ntlm', 'newauth', 'hoba', 'mutual',
  'realm', 'error', 'error_description', 'error_uri', 'scope', 'algs', 'charset', 'nonce', 'opaque', 'qop',
  'algorithm', 'stale', 'domain', 'userhash', 'acr_values', 'max_age', 'resource_metadata', 'title', 'type',
]

// Known names bucketed by first letter and length, so a lookup usually
// compares against a single candidate.
function bucket(first: number, length: number): number {
  return (((first | 0x20) & 0x7f) << 5) | length
}
const BUCKETS: (string[] | undefined)[] = new Array(128 << 5).fill(undefined)
for (const name of KNOWN) (BUCKETS[bucket(name.charCodeAt(0), name.length)] ??= []).push(name)

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a
}

/** The ASCII-lowercased text of `s[start, end)`, shared for well-known scheme and parameter names. */
export function lowerSlice(s: string, start: number, end: number): string {
  const length = end - start
  const candidates = length < 32 ? BUCKETS[bucket(s.charCodeAt(start), length)] : undefined
  if (candidates !== undefined) {
    for (let k = 0; k < candidates.length; k++) {
      const name = candidates[k]!
      let i = 0
      for (; i < name.length; i++) {
        const c = s.charCodeAt(start + i)
        const want = name.charCodeAt(i)
        if (c !== want && !(isUpper(c) && c + 0x20 === want)) break
      }
      if (i === name.length) return name
    }
  }
  for (let i = start; i < end; i++) {
    if (isUpper(s.charCodeAt(i))) return s.slice(start, end).toLowerCase()
  }
  return s.slice(start, end)
}
