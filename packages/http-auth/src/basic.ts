// RFC 7617: the Basic scheme's user-pass, always UTF-8 (§2.1 charset="UTF-8").

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * The token68 of Basic credentials for `username` and `password`, UTF-8 then
 * base64 (RFC 7617 §2); throws `TypeError` for a username containing ":".
 * @example `Basic ${encodeBasicCredentials('Aladdin', 'open sesame')}`
 */
export function encodeBasicCredentials(username: string, password: string): string {
  if (username.includes(':')) throw new TypeError('a Basic username cannot contain ":" (RFC 7617 §2)')
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Decodes a Basic token68 (RFC 7617 §2) into username and password; undefined
 * when it is not canonical base64, not UTF-8, or has no ":".
 */
export function decodeBasicCredentials(token68: string): { username: string; password: string } | undefined {
  // atob is "forgiving" (whitespace, missing padding); credentials should not be.
  if (token68.length % 4 !== 0 || !BASE64.test(token68)) return undefined
  let binary: string
  try {
    binary = atob(token68)
  } catch {
    return undefined
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  return { username: text.slice(0, colon), password: text.slice(colon + 1) }
}
