// Credentials-exchange operations (`x-credentials-exchange`: a token endpoint) answer as RFC 6749
// says: client authentication per §2.3.1 (form-urlencoded Basic credentials, or `client_id` and
// `client_secret` in the form body), and errors as §5.2 JSON rather than problem details.
import type { OperationDefinition, SchemeDefinition } from './definition.js'
import { BodyTooLargeError, type Incoming } from './incoming.js'
import { essence } from './media.js'
import type { Outgoing } from './outgoing.js'
import { oauthError } from './reply.js'
import type { Credential, Extracted } from './credentials.js'

/** The client credentials a token request carries in its form body (RFC 6749 §2.3.1). */
export interface BodyClient {
  clientId?: string | undefined
  clientSecret?: string | undefined
  /** One of them was sent more than once (RFC 6749 §3.2: malformed). */
  repeated?: boolean
}

const NONE: BodyClient = {}

/** The operation's Basic scheme, if it is a credentials exchange that authenticates clients with one. */
export function exchangeBasicScheme(op: OperationDefinition, schemes: Readonly<Record<string, SchemeDefinition>>): string | undefined {
  if (!op.credentialsExchange) return undefined
  for (const requirement of op.security) for (const { scheme } of requirement) if (schemes[scheme]?.credential === 'basic') return scheme
  return undefined
}

/**
 * `client_id` and `client_secret` of a URL-encoded body, read before authentication (they are
 * credentials); a body past the size limit yields none, and is answered 413 by the body step.
 */
export function readBodyClient(incoming: Incoming): BodyClient | Promise<BodyClient> {
  if (essence(incoming.header('content-type')) !== 'application/x-www-form-urlencoded') return NONE
  let bytes: Uint8Array | undefined
  try {
    bytes = incoming.bodySync?.()
  } catch (error) {
    if (error instanceof BodyTooLargeError) return NONE
    throw error
  }
  if (bytes !== undefined) return clientOf(bytes)
  return incoming.bytes().then(clientOf, (error: unknown) => {
    if (error instanceof BodyTooLargeError) return NONE
    throw error
  })
}

function clientOf(bytes: Uint8Array): BodyClient {
  const form = new URLSearchParams(new TextDecoder().decode(bytes))
  const clientId = form.getAll('client_id')
  const clientSecret = form.getAll('client_secret')
  if (clientId.length === 0 && clientSecret.length === 0) return NONE
  return { clientId: clientId[0], clientSecret: clientSecret[0], repeated: clientId.length > 1 || clientSecret.length > 1 }
}

const malformed = (reason: string): Extracted => ({ state: 'malformed', reason })
const present = (username: string, password: string): Extracted => ({ state: 'present', credential: { kind: 'basic', username, password } satisfies Credential })

/**
 * The client credential of a token request (RFC 6749 §2.3.1): the Basic user and password
 * form-urlencoding-decoded, or `client_id`/`client_secret` from the body, never both (§2.3:
 * one authentication method per request).
 */
export function clientCredential(basic: { username: string; password: string } | undefined, body: BodyClient): Extracted {
  if (body.repeated) return malformed('client_id or client_secret is sent more than once')
  if (basic === undefined) {
    if (body.clientSecret === undefined) return { state: 'absent' }
    if (!body.clientId) return malformed('client_secret is sent without client_id')
    return present(body.clientId, body.clientSecret)
  }
  if (body.clientSecret !== undefined) return malformed('the client authenticates both with Basic and with client_secret')
  const username = formDecode(basic.username)
  const password = formDecode(basic.password)
  if (username === undefined || password === undefined) return malformed('the Basic client credentials are not form-urlencoded')
  if (body.clientId !== undefined && body.clientId !== username) return malformed('client_id is not the client of the Basic credentials')
  return present(username, password)
}

/**
 * Decodes one component of Basic client credentials, which RFC 6749 §2.3.1 form-urlencodes
 * (Appendix B: `+` is a space); undefined when a `%` escape is broken or not UTF-8.
 */
export function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

/**
 * The RFC 6749 §5.2 form of a pipeline failure on a credentials exchange: 401 → `invalid_client`
 * (with a Basic challenge without error code), 403 → `unauthorized_client`, 400, 413 and 415 →
 * `invalid_request` (keeping 413 and 415); JSON with `Cache-Control: no-store`. `error_description`
 * (the problem's `detail`) only in development.
 */
export function oauthFailure(out: Outgoing, realm: string | undefined, development: boolean): Outgoing {
  const description = development ? detailOf(out) : undefined
  if (out.status === 401) return oauthError('invalid_client', description, realm)
  if (out.status === 403) return oauthError('unauthorized_client', description, realm)
  if (out.status !== 400 && out.status !== 413 && out.status !== 415) return out
  const answer = oauthError('invalid_request', description, realm)
  if (out.status === 400) return answer
  // 413 and 415 keep their status and headers (`Accept-Post`) with the OAuth error body.
  answer.status = out.status
  for (const header of out.headers) if (header[0] !== 'content-type') answer.headers.push(header)
  return answer
}

function detailOf(out: Outgoing): string | undefined {
  if (typeof out.body !== 'string') return undefined
  try {
    const problem = JSON.parse(out.body) as { detail?: unknown; errors?: { detail?: unknown }[] }
    const details = problem.errors?.map((e) => e.detail).filter((d): d is string => typeof d === 'string')
    return details && details.length > 0 ? details.join('; ') : typeof problem.detail === 'string' ? problem.detail : undefined
  } catch {
    return undefined
  }
}
