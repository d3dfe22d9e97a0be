import { CredentialsParseError, decodeBasicCredentials, parseAuthorization } from '@gatehouse/http-auth'
import { clientCredential, type BodyClient } from './exchange.js'
import type { Incoming } from './incoming.js'
import type { SchemeDefinition } from './definition.js'

/** A credential as it arrived, per scheme kind. */
export type Credential =
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'apiKey'; key: string }

/** What a scheme found on the request: nothing, something unusable (→ 400), or a credential. */
export type Extracted = { state: 'absent' } | { state: 'malformed'; reason: string } | { state: 'present'; credential: Credential }

const ABSENT: Extracted = { state: 'absent' }

const SP = 0x20
// RFC 9110 §5.6.2 tchar: what an auth-scheme is made of.
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/
// A token, one space, a token68 (RFC 9110 §11.2: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then "="s).
const SCHEME_SP_TOKEN68 = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+ [-._~+/0-9A-Za-z]+=*$/
const BEARER_TOKEN68 = /^Bearer [-._~+/0-9A-Za-z]+=*$/

// What is left of a malformed `Authorization` once http-auth refused it: its lower-case scheme
// (the leading token, so `Bearer<TAB>x` is still Bearer) and whether anything follows it.
function splitAuthorization(value: string): { scheme: string; rest: string } {
  const trimmed = value.trim()
  const scheme = TCHAR.exec(trimmed)?.[0] ?? ''
  return { scheme: scheme.toLowerCase(), rest: trimmed.slice(scheme.length).trim() }
}

/** The `Authorization` field as the schemes see it: its lower-cased scheme and token68, if well-formed. */
export interface AuthorizationField {
  scheme: string
  /** Undefined when the credentials are not one token68 (`Bearer a b`, a bare `Bearer`). */
  token68?: string | undefined
  /** Nothing followed the scheme. */
  empty: boolean
}

/**
 * Parses `Authorization` once per request with http-auth (RFC 9110 §11.6.2). Stricter than the
 * grammar's `1*SP` on purpose: exactly one space may separate scheme and credentials, so
 * `Bearer<TAB>t` or `Bearer  t` are malformed (400), never "no credentials"; and a value that is
 * two credentials joined by a comma (repeated `Authorization` lines, as Fetch's `Headers` and
 * node's adapter join them) is not one token68, hence malformed too.
 */
export function readAuthorization(value: string | null): AuthorizationField | undefined {
  if (value === null) return undefined
  const simple = simpleAuthorization(value)
  if (simple) return simple
  try {
    const parsed = parseAuthorization(value)
    if (parsed.token68 !== undefined) {
      // Fetch and node trim the field value, so the scheme starts at 0 (checked anyway, cheaply).
      const at = value.charCodeAt(0) === SP ? value.length - value.trimStart().length + parsed.scheme.length : parsed.scheme.length
      if (value.charCodeAt(at + 1) === SP) return { scheme: parsed.scheme, token68: undefined, empty: false }
    }
    return { scheme: parsed.scheme, token68: parsed.token68, empty: parsed.token68 === undefined && Object.keys(parsed.params).length === 0 }
  } catch (error) {
    if (!(error instanceof CredentialsParseError)) throw error
    const split = splitAuthorization(value)
    return { scheme: split.scheme, token68: undefined, empty: split.rest === '' }
  }
}

/**
 * The field of nearly every request, `<scheme> <token68>` with one space, read without http-auth's
 * parser (which allocates a closure and a result per call) to what it would give; undefined for
 * any other shape, which goes through the parser.
 */
export function simpleAuthorization(value: string): AuthorizationField | undefined {
  // `Bearer <token68>` (nearly every request) by a regex with the scheme spelled out: no scheme slice,
  // and faster than the general one (a character loop is slower still, and more so on long JWTs).
  if (BEARER_TOKEN68.test(value)) return { scheme: 'bearer', token68: value.slice(7), empty: false }
  if (!SCHEME_SP_TOKEN68.test(value)) return undefined
  const space = value.indexOf(' ')
  const scheme = value.slice(0, space)
  return { scheme: scheme === 'Bearer' ? 'bearer' : scheme.toLowerCase(), token68: value.slice(space + 1), empty: false }
}

/** Reads cookies (RFC 6265 §5.4) into name → values. */
export function parseCookies(header: string | null): Map<string, string[]> {
  const cookies = new Map<string, string[]>()
  if (!header) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    const name = part.slice(0, eq).trim()
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1)
    try {
      value = decodeURIComponent(value)
    } catch {
      // keep the raw value: cookies are not required to be percent-encoded
    }
    const list = cookies.get(name)
    if (list) list.push(value)
    else cookies.set(name, [value])
  }
  return cookies
}

/** Per-request lazily parsed pieces shared by every scheme. */
export interface CredentialSources {
  incoming: Incoming
  authorization: () => AuthorizationField | undefined
  query: () => ReadonlyMap<string, string[]>
  cookies: () => Map<string, string[]>
  /** Set on credentials-exchange operations only: the client credentials of the form body (RFC 6749 §2.3.1). */
  bodyClient?: BodyClient | undefined
}

/** Finds the credential of one scheme on the request (RFC 6750 §2.1, RFC 7617 §2, OpenAPI apiKey). */
export function extract(scheme: SchemeDefinition, sources: CredentialSources): Extracted {
  switch (scheme.credential) {
    case 'bearer': {
      const auth = sources.authorization()
      if (!auth || auth.scheme !== 'bearer') return ABSENT
      if (auth.empty) return { state: 'malformed', reason: 'the Bearer token is empty' }
      if (auth.token68 === undefined) return { state: 'malformed', reason: 'the Bearer credentials are not a single token' }
      return { state: 'present', credential: { kind: 'bearer', token: auth.token68 } }
    }
    case 'basic': {
      const auth = sources.authorization()
      const body = sources.bodyClient
      if (!auth || auth.scheme !== 'basic') return body ? clientCredential(undefined, body) : ABSENT
      const decoded = auth.token68 === undefined ? undefined : decodeBasicCredentials(auth.token68)
      if (!decoded) return { state: 'malformed', reason: 'the Basic credentials are not base64 of user:password' }
      return body ? clientCredential(decoded, body) : { state: 'present', credential: { kind: 'basic', ...decoded } }
    }
    case 'apiKey': {
      const name = scheme.name ?? ''
      let values: string[]
      if (scheme.in === 'header') {
        const value = sources.incoming.header(name.toLowerCase())
        // Repeated lines arrive joined with ", " (Fetch `Headers`, node), and RFC 9110 §5.3 lets
        // any intermediary join them that way: a comma cannot be told from a repeated key.
        if (value !== null && value.includes(',')) return { state: 'malformed', reason: `the API key ${name} is sent more than once (or contains a comma)` }
        values = value === null ? [] : [value]
      } else if (scheme.in === 'query') values = sources.query().get(name) ?? []
      else values = sources.cookies().get(name) ?? []
      if (values.length === 0) return ABSENT
      if (values.length > 1) return { state: 'malformed', reason: `the API key ${name} is sent more than once` }
      if (values[0]!.trim() === '') return { state: 'malformed', reason: `the API key ${name} is empty` }
      return { state: 'present', credential: { kind: 'apiKey', key: values[0]! } }
    }
    default:
      return ABSENT
  }
}

/** Which schemes read the same credential (two bearer schemes share one token). */
export function credentialSlot(scheme: SchemeDefinition): string {
  if (scheme.credential === 'apiKey') return `${scheme.in}:${scheme.name?.toLowerCase()}`
  return `authorization:${scheme.credential}`
}
