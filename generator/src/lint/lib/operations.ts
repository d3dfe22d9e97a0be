import { escapeToken } from '../../load/pointer.js'
import type { ApiModel, Operation, Response, SecurityScheme } from '../../model/types.js'

export { escapeToken } from '../../load/pointer.js'

/** `POST /articles`: how findings name an operation. */
export function label(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`
}

/** The response declared for exactly this status code (`'401'`), ignoring ranges and `default`. */
export function responseFor(operation: Operation, status: string): Response | undefined {
  return operation.responses.find((response) => response.status === status)
}

/** 4xx, 5xx, their `4XX`/`5XX` ranges and `default`: the responses that describe failures. */
export function isErrorStatus(status: string): boolean {
  return /^[45]/.test(status) || status === 'default'
}

/** Whether a response declares this header (names are case-insensitive, RFC 9110 §5.1). */
export function hasHeader(response: Response, name: string): boolean {
  const wanted = name.toLowerCase()
  return response.headers.some((header) => header.name.toLowerCase() === wanted)
}

/** Whether any credentials are evaluated for this operation (including optional security). */
export function isProtected(operation: Operation): boolean {
  return !operation.security.public
}

/**
 * Whether a failed credential can reach HTTP as a 401: some alternative uses a scheme other than
 * mutualTLS, whose failures end the TLS handshake before any response exists.
 */
export function canAnswer401(model: ApiModel, operation: Operation): boolean {
  return operation.security.alternatives.some((alternative) =>
    alternative.schemes.some((requirement) => schemeNamed(model, requirement.scheme)?.type !== 'mutualTLS'),
  )
}

/** The scopes (or 3.1 roles) some alternative of the operation demands, deduplicated. */
export function requiredScopes(operation: Operation): string[] {
  const scopes = new Set<string>()
  for (const alternative of operation.security.alternatives) {
    for (const requirement of alternative.schemes) for (const scope of requirement.scopes) scopes.add(scope)
  }
  return [...scopes]
}

/** Schemes whose credential is a bearer token (RFC 6750): http bearer, oauth2, openIdConnect. */
export function isBearerScheme(scheme: SecurityScheme | undefined): boolean {
  if (!scheme) return false
  if (scheme.type === 'http') return scheme.scheme.toLowerCase() === 'bearer'
  return scheme.type === 'oauth2' || scheme.type === 'openIdConnect'
}

/** Look up a declared scheme by name. */
export function schemeNamed(model: ApiModel, name: string): SecurityScheme | undefined {
  return model.schemes.find((scheme) => scheme.name === name)
}

/**
 * Pointer of one security requirement of an operation, where it is written:
 * on the operation, or inherited from the root `security`.
 */
export function requirementPointer(operation: Operation, alternative: number, scheme?: string): string {
  const base = operation.security.source === 'root' ? '/security' : `${operation.pointer}/security`
  const at = `${base}/${alternative}`
  return scheme === undefined ? at : `${at}/${escapeToken(scheme)}`
}

/**
 * Where the operation declares a status (`…/responses/403`), even when the response itself is a
 * shared `$ref`: for findings about *declaring* the status, the fix is on the operation.
 */
export function declarationPointer(operation: Operation, status: string): string {
  return `${operation.pointer}/responses/${escapeToken(status)}`
}

/** Why an operation is public, for messages: an explicit `security: []`, or no `security` anywhere in the spec. */
export function publicReason(operation: Operation): string {
  return operation.security.source === 'none' ? 'no security requirement applies (the spec declares no `security`)' : 'public (`security: []`)'
}
