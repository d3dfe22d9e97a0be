// Character classes of RFC 9110 §5.6, as bit flags in one 256-entry table so
// every scanner decides a character with a single indexed load (no regex, so
// no backtracking and strictly linear time on adversarial input).

/** `tchar` (RFC 9110 §5.6.2). */
export const TCHAR = 1
/** token68 body characters (RFC 9110 §11.2), without the trailing `=` padding. */
export const T68 = 2
/** `qdtext` (RFC 9110 §5.6.4): what may appear unescaped inside a quoted-string. */
export const QDTEXT = 4
/** The second character of a `quoted-pair` (HTAB / SP / VCHAR / obs-text). */
export const QPAIR = 8

/** Flags per Latin-1 code unit; code units above U+00FF are never valid in a field value. */
export const CHAR = new Uint8Array(256)

for (let c = 0; c < 256; c++) {
  const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
  let f = 0
  if (alnum || "!#$%&'*+-.^_`|~".includes(String.fromCharCode(c))) f |= TCHAR
  if (alnum || '-._~+/'.includes(String.fromCharCode(c))) f |= T68
  if (c === 0x09 || c === 0x20 || c === 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e) || c >= 0x80) f |= QDTEXT
  if (c === 0x09 || (c >= 0x20 && c <= 0x7e) || c >= 0x80) f |= QPAIR
  CHAR[c] = f
}

/** Space. */
export const SP = 0x20
/** Horizontal tab (part of OWS, never of 1*SP). */
export const HTAB = 0x09
/** List separator (RFC 9110 §5.6.1). */
export const COMMA = 0x2c
/** Between an auth-param's name and value; also token68 padding. */
export const EQUALS = 0x3d
/** Opens and closes a quoted-string. */
export const DQUOTE = 0x22
/** Starts a quoted-pair. */
export const BACKSLASH = 0x5c

/** True when `s` is a non-empty RFC 9110 `token`. */
export function isToken(s: string): boolean {
  if (s.length === 0) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c > 0xff || (CHAR[c]! & TCHAR) === 0) return false
  }
  return true
}

/** True when `s` matches RFC 9110 §11.2 `token68` (`1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`). */
export function isToken68(s: string): boolean {
  let i = 0
  while (i < s.length) {
    const c = s.charCodeAt(i)
    if (c > 0xff || (CHAR[c]! & T68) === 0) break
    i++
  }
  if (i === 0) return false
  while (i < s.length && s.charCodeAt(i) === EQUALS) i++
  return i === s.length
}
