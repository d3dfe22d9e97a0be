import type { Challenge } from '@gatehouse/http-auth'
import { challengeHeaders, schemeChallenge, type ChallengeError } from './challenges.js'
import { credentialSlot, extract, type Credential, type CredentialSources, type Extracted } from './credentials.js'
import type { OperationDefinition, SchemeDefinition, SchemeRequirement } from './definition.js'
import { problemOut, type Outgoing } from './outgoing.js'
import type { AnyVerifier, Principal } from './principal.js'
import { isThenable } from './thenable.js'

/** What the authentication step needs besides the request. */
export interface AuthEnvironment {
  schemes: Readonly<Record<string, SchemeDefinition>>
  verifiers: Readonly<Record<string, AnyVerifier | undefined>>
  realmOf(scheme: string): string | undefined
  development: boolean
  /** The canonical 404, for `x-hide-forbidden` operations. */
  notFound(): Outgoing
  /**
   * The answer to a request without credentials, per operation: always the same bytes (RFC 6750
   * §3.1: challenges without an error code), so built once per app and shared, frozen.
   */
  unauthenticated: WeakMap<OperationDefinition, AuthOutcome>
}

/** The caller passed (with the principal of the requirement that held) or the answer to send. */
export type AuthOutcome =
  | { ok: true; principal: Principal | undefined; principals: Record<string, Principal> }
  | { ok: false; out: Outgoing }

const PUBLIC: AuthOutcome = { ok: true, principal: undefined, principals: {} }

function verify(verifier: AnyVerifier | undefined, credential: Credential, request: Request): Principal | undefined | Promise<Principal | undefined> {
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
export function authenticate(op: OperationDefinition, sources: CredentialSources, env: AuthEnvironment, plan: Plan = planOf(op, env.schemes)): AuthOutcome | Promise<AuthOutcome> {
  if (op.security.length === 0) return PUBLIC
  if (plan.single) {
    const outcome = authenticateSingle(op, plan, sources, env)
    if (outcome !== undefined) return outcome
  }
  const order = plan.schemes

  const found: Extracted[] = []
  let malformed: string[] | undefined
  let presentCount = 0
  for (const name of order) {
    const scheme = env.schemes[name]
    const extracted = scheme ? extract(scheme, sources) : ABSENT
    found.push(extracted)
    if (extracted.state === 'malformed') (malformed ??= []).push(name)
    else if (extracted.state === 'present') presentCount++
  }

  // RFC 6750 §3.1 invalid_request: the credentials cannot even be read.
  if (malformed) {
    const reason = (found[order.indexOf(malformed[0]!)] as { reason: string }).reason
    const description = env.development ? reason : undefined
    const headers = challengeHeaders(malformed.map((name) => challenge(env, name, { error: 'invalid_request', errorDescription: description })))
    return { ok: false, out: problemOut(400, { detail: description }, headers) }
  }
  if (presentCount === 0) return plan.optional ? PUBLIC : unauthenticated(op, order, env)

  const principals = new Map<string, Principal>()
  let pending: Promise<void>[] | undefined
  const request = sources.incoming.request
  for (let i = 0; i < order.length; i++) {
    const extracted = found[i]!
    if (extracted.state !== 'present') continue
    const name = order[i]!
    const principal = verify(env.verifiers[name], extracted.credential, request)
    // Synchronous verifiers keep the whole step synchronous: no promise, no microtask turn.
    if (isThenable(principal)) (pending ??= []).push(Promise.resolve(principal).then((p) => void (p && principals.set(name, p))))
    else if (principal) principals.set(name, principal)
  }
  if (pending) return Promise.all(pending).then(() => decide(op, plan, found, principals, env))
  return decide(op, plan, found, principals, env)
}

/**
 * One requirement naming one scheme (most operations): the same outcomes as the general path
 * without its bookkeeping (lists, a Map of principals) on the way in. Malformed credentials are
 * left to the general path (undefined); failures after verification go through `decide`.
 */
function authenticateSingle(op: OperationDefinition, plan: Plan, sources: CredentialSources, env: AuthEnvironment): AuthOutcome | Promise<AuthOutcome> | undefined {
  const name = plan.schemes[0]!
  const scheme = env.schemes[name]!
  // A well-formed bearer token (most requests): what `extract` finds, without its two objects.
  if (scheme.credential === 'bearer') {
    const auth = sources.authorization()
    const token = auth?.scheme === 'bearer' && !auth.empty ? auth.token68 : undefined
    if (token !== undefined) {
      const verifier = env.verifiers[name] as ((token: string, request: Request) => Principal | undefined | Promise<Principal | undefined>) | undefined
      const principal = verifier ? verifier(token, sources.incoming.request) : undefined
      if (!isThenable(principal) && principal && holdsAll(principal, op.security[0]![0]!.scopes)) return { ok: true, principal, principals: { [name]: principal } }
      const present: Extracted = { state: 'present', credential: { kind: 'bearer', token } }
      if (isThenable(principal)) return Promise.resolve(principal).then((p) => settleSingle(op, plan, present, p, env))
      return settleSingle(op, plan, present, principal, env)
    }
  }
  const extracted = extract(scheme, sources)
  if (extracted.state === 'absent') return unauthenticated(op, plan.schemes, env)
  if (extracted.state === 'malformed') return undefined
  const principal = verify(env.verifiers[name], extracted.credential, sources.incoming.request)
  if (isThenable(principal)) return Promise.resolve(principal).then((p) => settleSingle(op, plan, extracted, p, env))
  return settleSingle(op, plan, extracted, principal, env)
}

function settleSingle(op: OperationDefinition, plan: Plan, extracted: Extracted, principal: Principal | undefined, env: AuthEnvironment): AuthOutcome {
  const name = plan.schemes[0]!
  if (principal && holdsAll(principal, op.security[0]![0]!.scopes)) return { ok: true, principal, principals: { [name]: principal } }
  return decide(op, plan, [extracted], principal ? new Map([[name, principal]]) : new Map(), env)
}

function holdsAll(principal: Principal, scopes: readonly string[]): boolean {
  for (const scope of scopes) if (!principal.scopes.includes(scope)) return false
  return true
}

function decide(
  op: OperationDefinition,
  plan: Plan,
  found: readonly Extracted[],
  principals: Map<string, Principal>,
  env: AuthEnvironment,
): AuthOutcome {
  const order = plan.schemes

  // A credential is invalid when every scheme it was offered to rejected it (oauth2 and a
  // partner bearer scheme read the same token; one accepting it is enough).
  let rejected: string[] | undefined
  for (let i = 0; i < order.length; i++) {
    if (found[i]!.state !== 'present' || principals.has(order[i]!)) continue
    const slot = plan.slots[i]
    const acceptedElsewhere = order.some((other, j) => plan.slots[j] === slot && principals.has(other))
    if (!acceptedElsewhere) (rejected ??= []).push(order[i]!)
  }
  if (rejected) {
    const description = env.development ? 'The credentials are invalid, expired or revoked.' : undefined
    const headers = challengeHeaders(rejected.map((name) => challenge(env, name, { error: 'invalid_token', errorDescription: description })))
    return { ok: false, out: problemOut(401, { detail: description }, headers) }
  }

  let closest: readonly SchemeRequirement[] | undefined
  let fewest = Infinity
  for (const requirement of op.security) {
    if (requirement.length === 0 || !allAuthenticated(requirement, principals)) continue
    const missing = missingScopes(requirement, principals)
    if (missing === 0) {
      const byScheme: Record<string, Principal> = {}
      for (const [name, principal] of principals) byScheme[name] = principal
      return { ok: true, principal: principals.get(requirement[0]!.scheme), principals: byScheme }
    }
    if (missing < fewest) [closest, fewest] = [requirement, missing]
  }
  // `{}` lets the caller in anonymously; the principal of an unmet requirement is not handed over.
  if (plan.optional) return PUBLIC
  if (!closest) {
    // Authenticated for some schemes, but no requirement has all of its schemes: ask for the rest.
    const wanted = order.filter((name) => !principals.has(name))
    return { ok: false, out: problemOut(401, {}, challengeHeaders(wanted.map((name) => challenge(env, name)))) }
  }
  if (op.hideForbidden) return { ok: false, out: env.notFound() }
  return { ok: false, out: insufficientScope(closest, principals, op.exposeScopes, env) }
}

function unauthenticated(op: OperationDefinition, order: readonly string[], env: AuthEnvironment): AuthOutcome {
  let outcome = env.unauthenticated.get(op)
  if (!outcome) {
    const out = problemOut(401, {}, challengeHeaders(order.map((name) => challenge(env, name))))
    Object.freeze(out.headers)
    outcome = Object.freeze({ ok: false, out: Object.freeze(out) })
    env.unauthenticated.set(op, outcome)
  }
  return outcome
}

function allAuthenticated(requirement: readonly SchemeRequirement[], principals: Map<string, Principal>): boolean {
  for (const { scheme } of requirement) if (!principals.has(scheme)) return false
  return true
}

// Challenges are only built on failure paths, so nothing is allocated for them on the way in.
function challenge(env: AuthEnvironment, name: string, error?: ChallengeError): Challenge {
  return schemeChallenge(env.schemes[name] ?? UNKNOWN_SCHEME, env.realmOf(name), error)
}

/** How an operation's alternatives are authenticated, derived once per operation ({@link planOf}). */
export interface Plan {
  /** Every scheme of the alternatives, in first-seen order. */
  schemes: string[]
  /** Credential slot of each scheme (same index). */
  slots: (string | undefined)[]
  optional: boolean
  /** One requirement with one scheme the API declares. */
  single: boolean
}

const UNKNOWN_SCHEME: SchemeDefinition = { type: 'unknown', credential: 'unsupported' }
const ABSENT: Extracted = { state: 'absent' }
const plans = new WeakMap<OperationDefinition, Plan>()
/** The plan of an operation, derived once (an operation object belongs to one API, hence one scheme table). */
export function planOf(op: OperationDefinition, schemeTable: Readonly<Record<string, SchemeDefinition>>): Plan {
  let plan = plans.get(op)
  if (plan) return plan
  const schemes: string[] = []
  for (const requirement of op.security) for (const { scheme } of requirement) if (!schemes.includes(scheme)) schemes.push(scheme)
  plan = {
    schemes,
    slots: schemes.map((name) => (schemeTable[name] ? credentialSlot(schemeTable[name]) : undefined)),
    optional: op.security.some((requirement) => requirement.length === 0),
    single: op.security.length === 1 && op.security[0]!.length === 1 && schemeTable[schemes[0]!] !== undefined,
  }
  plans.set(op, plan)
  return plan
}

function insufficientScope(
  requirement: readonly SchemeRequirement[],
  principals: Map<string, Principal>,
  expose: boolean,
  env: AuthEnvironment,
): Outgoing {
  const lacking = requirement.filter(({ scheme, scopes }) => scopes.some((s) => !principals.get(scheme)!.scopes.includes(s)))
  const description = env.development ? 'The credentials lack a required scope or role.' : undefined
  // RFC 6750 §3.1: `scope` names the scopes necessary to access the resource.
  const headers = challengeHeaders(
    lacking.map(({ scheme, scopes }) => challenge(env, scheme, { error: 'insufficient_scope', errorDescription: description, scope: expose ? scopes : undefined })),
  )
  const required = expose ? [...new Set(requirement.flatMap(({ scopes }) => scopes))] : undefined
  return problemOut(403, { detail: description, 'required-scopes': required }, headers)
}
