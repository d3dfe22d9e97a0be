import type { BasicCredentials, TokenSource } from './token-source.js'

/** One requirement of an alternative: a scheme and the scopes it demands. */
export interface SchemeRequirement {
  readonly scheme: string
  readonly scopes: readonly string[]
}

/** The credential value for a scheme, by how it travels: a token source (or a fixed string) for bearer and apiKey, a user and password for Basic. */
export type Credential = TokenSource | string | BasicCredentials

/** A configured credential bound to its scheme: where its value comes from and where it goes on a request. */
export interface BoundCredential {
  kind: 'bearer' | 'apiKey' | 'basic'
  /** The value to send; Basic's is a fixed token68. */
  source: TokenSource
  /** Puts `token` on the request: sets a header of `headers`, or returns `url` with a query parameter added. */
  put(headers: Record<string, string>, url: string, token: string): string
}

/**
 * How a security scheme's credential travels, as the generated `client.ts` lists its schemes:
 * {@link bearerCredential}, {@link apiKeyCredential} or {@link basicCredential}. A client bundles
 * only the kinds its spec has.
 */
export type CredentialBinder = (value: Credential) => BoundCredential

/** A credential of an operation's selected alternative, with the scopes of that requirement (for a 403 without a `scope`). */
export interface Bound extends BoundCredential {
  scopes: readonly string[]
}

/** A fixed string as a token source; anything else is one already. */
export const sourceOf = (value: Credential): TokenSource => (typeof value === 'string' ? { getToken: () => value } : (value as TokenSource))

/** Binds the caller's `auth` option to the spec's schemes once, at `createClient`; schemes the spec does not list are ignored. */
export function bindCredentials(schemes: Readonly<Record<string, CredentialBinder>>, auth: Record<string, Credential | undefined> | undefined): Map<string, BoundCredential> {
  const out = new Map<string, BoundCredential>()
  for (const name in auth) {
    const value = auth[name]
    if (value !== undefined && schemes[name]) out.set(name, schemes[name](value))
  }
  return out
}

/**
 * Picks what an operation sends: the first alternative (OR) whose schemes (AND)
 * all have credentials configured, preferring any such alternative over the
 * anonymous `{}` one (a signed-in caller should be seen as signed in); nothing
 * when no alternative can be met, so the server answers 401 with its challenges.
 */
export function selectCredentials(alternatives: readonly (readonly SchemeRequirement[])[], bound: Map<string, BoundCredential>): Bound[] {
  for (const alternative of alternatives) {
    if (alternative.length === 0 || !alternative.every((r) => bound.has(r.scheme))) continue
    return alternative.map((r) => ({ ...bound.get(r.scheme)!, scopes: r.scopes }))
  }
  return []
}
