// Lowercasing names read from a header without a second string when they already are.

/** The ASCII-lowercased text of `s[start, end)`, without allocating a second string when it is already lowercase. */
export function lowerSlice(s: string, start: number, end: number): string {
  const text = s.slice(start, end)
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x41 && c <= 0x5a) return text.toLowerCase()
  }
  return text
}
