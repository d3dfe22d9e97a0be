import type { Challenge } from '@gatehouse/http-auth'
import { challengeHeaders, schemeChallenge } from './challenges.js'
import { credentialSlot, extract, type Credential, type CredentialSources, type Extracted } from './credentials.js'
import type { OperationDefinition, SchemeDefinition, SchemeRequirement } from './definition.js'
import { problemOut, type Outgoing } from './outgoing.js'
import type { AnyVerifier, Principal } from './principal.js'

/** What the authentication step needs besides the request. */
export interface AuthEnvironment {
  schemes: Readonly<Record<string, SchemeDefinition>>
  verifiers: Readonly<Record<string, AnyVerifier | undefined>>
  realmOf(scheme: string): string | undefined
  development: boolean
  /** The canonical 404, for `x-hide-forbidden` operations. */
  notFound(): Outgoing
}

/** The caller passed (with the principal of the requirement that held) or the answer to send. */
export type AuthOutcome =
  | { ok: true; principal: Principal | undefined; principals: Record<string, Principal> }
  | { ok: false; out: Outgoing }

const PUBLIC: AuthOutcome = { ok: true, principal: undefined, principals: {} }

async function verify(verifier: AnyVerifier | undefined, credential: Credential, request: Request): Promise<Principal | undefined> {
  if (!verifier) return undefined
  const call = verifier as (...args: unknown[]) => Promise<Principal | undefined> | Principal | undefined
  if (credential.kind === 'basic') return call(credential.username, credential.password, request)
  return call(credential.kind === 'bearer' ? credential.token : credential.key, request)
}

function missingScopes(requirement: readonly SchemeRequirement[], principals: Map<string, Principal>): number {
  let missing = 0
  for (const { scheme, scopes } of requirement) {
    const held = principals.get(scheme)!.scopes
    for (const scope of scopes) if (!held.includes(scope)) missing++
  }
  return missing
}

/**
 * Steps 2 and 3 of the pipeline: authenticate per the operation's alternatives, then authorize
 * (a requirement holds when each of its schemes authenticated and holds every listed scope).
 * Nothing here looks at parameters or the body, so a failing caller learns nothing about them.
 */
export async function authenticate(op: OperationDefinition, sources: CredentialSources, env: AuthEnvironment): Promise<AuthOutcome> {
  if (op.security.length === 0) return PUBLIC
  const order: string[] = []
  for (const requirement of op.security) for (const { scheme } of requirement) if (!order.includes(scheme)) order.push(scheme)
  const challenge = (name: string, error?: Parameters<typeof schemeChallenge>[2]): Challenge =>
    schemeChallenge(env.schemes[name] ?? { type: 'unknown', credential: 'unsupported' }, env.realmOf(name), error)

  const found = new Map<string, Extracted>()
  for (const name of order) {
    const scheme = env.schemes[name]
    found.set(name, scheme ? extract(scheme, sources) : { state: 'absent' })
  }

  // RFC 6750 §3.1 invalid_request: the credentials cannot even be read.
  const malformed = order.filter((name) => found.get(name)!.state === 'malformed')
  if (malformed.length > 0) {
    const reason = (found.get(malformed[0]!) as { reason: string }).reason
    const description = env.development ? reason : undefined
    const headers = challengeHeaders(malformed.map((name) => challenge(name, { error: 'invalid_request', errorDescription: description })))
    return { ok: false, out: problemOut(400, { detail: description }, headers) }
  }

  const present = order.filter((name) => found.get(name)!.state === 'present')
  const optional = op.security.some((requirement) => requirement.length === 0)
  if (present.length === 0) {
    if (optional) return PUBLIC
    return { ok: false, out: problemOut(401, {}, challengeHeaders(order.map((name) => challenge(name)))) }
  }

  const principals = new Map<string, Principal>()
  const request = sources.incoming.request
  for (const name of present) {
    const credential = (found.get(name) as { credential: Credential }).credential
    const principal = await verify(env.verifiers[name], credential, request)
    if (principal) principals.set(name, principal)
  }

  // A credential is invalid when every scheme it was offered to rejected it (oauth2 and a
  // partner bearer scheme read the same token; one accepting it is enough).
  const slotAccepted = new Map<string, boolean>()
  for (const name of present) {
    const slot = credentialSlot(env.schemes[name]!)
    slotAccepted.set(slot, (slotAccepted.get(slot) ?? false) || principals.has(name))
  }
  const rejected = present.filter((name) => !slotAccepted.get(credentialSlot(env.schemes[name]!)))
  if (rejected.length > 0) {
    const description = env.development ? 'The credentials are invalid, expired or revoked.' : undefined
    const headers = challengeHeaders(rejected.map((name) => challenge(name, { error: 'invalid_token', errorDescription: description })))
    return { ok: false, out: problemOut(401, { detail: description }, headers) }
  }

  let closest: readonly SchemeRequirement[] | undefined
  let fewest = Infinity
  for (const requirement of op.security) {
    if (requirement.length === 0 || !requirement.every(({ scheme }) => principals.has(scheme))) continue
    const missing = missingScopes(requirement, principals)
    if (missing === 0) {
      return { ok: true, principal: principals.get(requirement[0]!.scheme), principals: Object.fromEntries(principals) }
    }
    if (missing < fewest) [closest, fewest] = [requirement, missing]
  }
  // `{}` lets the caller in anonymously; the principal of an unmet requirement is not handed over.
  if (optional) return PUBLIC
  if (!closest) {
    // Authenticated for some schemes, but no requirement has all of its schemes: ask for the rest.
    const wanted = order.filter((name) => !principals.has(name))
    return { ok: false, out: problemOut(401, {}, challengeHeaders(wanted.map((name) => challenge(name)))) }
  }
  if (op.hideForbidden) return { ok: false, out: env.notFound() }
  return { ok: false, out: insufficientScope(closest, principals, op.exposeScopes, env, challenge) }
}

function insufficientScope(
  requirement: readonly SchemeRequirement[],
  principals: Map<string, Principal>,
  expose: boolean,
  env: AuthEnvironment,
  challenge: (name: string, error?: Parameters<typeof schemeChallenge>[2]) => Challenge,
): Outgoing {
  const lacking = requirement.filter(({ scheme, scopes }) => scopes.some((s) => !principals.get(scheme)!.scopes.includes(s)))
  const description = env.development ? 'The credentials lack a required scope or role.' : undefined
  // RFC 6750 §3.1: `scope` names the scopes necessary to access the resource.
  const headers = challengeHeaders(
    lacking.map(({ scheme, scopes }) => challenge(scheme, { error: 'insufficient_scope', errorDescription: description, scope: expose ? scopes : undefined })),
  )
  const required = expose ? [...new Set(requirement.flatMap(({ scopes }) => scopes))] : undefined
  return problemOut(403, { detail: description, 'required-scopes': required }, headers)
}
