import type { BasicCredentials, TokenSource } from './token-source.js'

/** A scheme of `security.ts`, as far as the client needs it. */
export interface SchemeInfo {
  readonly credential: string
  readonly in?: string
  readonly name?: string
}

/** One requirement of an alternative: a scheme and the scopes it demands. */
export interface SchemeRequirement {
  readonly scheme: string
  readonly scopes: readonly string[]
}

/** The credential value for a scheme, by how it travels: a token source (or a fixed string) for bearer and apiKey, a user and password for Basic. */
export type Credential = TokenSource | string | BasicCredentials

/** A configured credential bound to its scheme: what to send and where. */
export interface Bound {
  kind: 'bearer' | 'apiKey' | 'basic'
  /** apiKey: `header`, `query` or `cookie`. */
  in?: string
  /** apiKey: the header, query or cookie name (header names lowercased). */
  key?: string
  /** bearer and apiKey. */
  source?: TokenSource
  /** basic: the precomputed token68. */
  basic?: string
  /** Scopes of the requirement that selected this credential (for a 403 without a `scope`). */
  scopes: readonly string[]
}

/**
 * `user:pass` in UTF-8, base64 (RFC 7617 §2, charset UTF-8) — the same bytes as
 * http-auth's `encodeBasicCredentials`, kept here because importing that package
 * from the success path would pull its parsers into a browser's first chunk.
 */
function basicToken(username: string, password: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Binds the caller's `auth` option to the spec's schemes once, at `createClient`. */
export function bindCredentials(schemes: Record<string, SchemeInfo>, auth: Record<string, Credential | undefined> | undefined): Map<string, Omit<Bound, 'scopes'>> {
  const out = new Map<string, Omit<Bound, 'scopes'>>()
  for (const name in auth) {
    const value = auth[name]
    const scheme = schemes[name]
    if (value === undefined || !scheme) continue
    const kind = scheme.credential
    if (kind === 'basic') {
      const { username, password } = value as BasicCredentials
      out.set(name, { kind, basic: basicToken(username, password) })
    } else if (kind === 'bearer' || kind === 'apiKey') {
      const source = typeof value === 'string' ? { getToken: () => value } : (value as TokenSource)
      const bound: Omit<Bound, 'scopes'> = { kind, source }
      if (kind === 'apiKey') {
        bound.in = scheme.in
        bound.key = scheme.in === 'header' ? scheme.name!.toLowerCase() : scheme.name!
      }
      out.set(name, bound)
    }
  }
  return out
}

/**
 * Picks what an operation sends: the first alternative (OR) whose schemes (AND)
 * all have credentials configured, preferring any such alternative over the
 * anonymous `{}` one (a signed-in caller should be seen as signed in); nothing
 * when no alternative can be met, so the server answers 401 with its challenges.
 */
export function selectCredentials(alternatives: readonly (readonly SchemeRequirement[])[], bound: Map<string, Omit<Bound, 'scopes'>>): Bound[] {
  for (const alternative of alternatives) {
    if (alternative.length === 0 || !alternative.every((r) => bound.has(r.scheme))) continue
    return alternative.map((r) => ({ ...bound.get(r.scheme)!, scopes: r.scopes }))
  }
  return []
}
