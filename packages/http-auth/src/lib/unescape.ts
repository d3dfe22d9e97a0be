// Scratch space for unescape, reused so a large value costs no fresh buffer.
const CHUNK = new Uint16Array(4096)

/**
 * The text of a validated quoted-string's content `s[from, to)` with its quoted-pairs
 * resolved (RFC 9110 §5.6.4). Code units go through a fixed scratch buffer, turned into
 * a string a chunk at a time: a slice per escape concatenated builds a rope as deep as
 * the number of escapes, and a regex replace keeps a part per match; both made a 1 MB
 * value of escapes cost several times more per byte than a 10 KB one.
 */
export function unescape(s: string, from = 0, to = s.length): string {
  let out = ''
  let w = 0
  for (let k = from; k < to; k++) {
    let c = s.charCodeAt(k)
    if (c === 0x5c) c = s.charCodeAt(++k)
    CHUNK[w++] = c
    if (w === CHUNK.length) {
      out += String.fromCharCode.apply(null, CHUNK as unknown as number[])
      w = 0
    }
  }
  return out + String.fromCharCode.apply(null, CHUNK.subarray(0, w) as unknown as number[])
}
