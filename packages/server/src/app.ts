import { authenticate, planOf, type AuthEnvironment, type AuthOutcome, type Plan } from './authenticate.js'
import { readBody, type BodyOutcome } from './body.js'
import { challengeHeaders, schemeChallenge } from './challenges.js'
import { corsHeaders, preflight, type CorsOptions } from './cors.js'
import { parseCookies, readAuthorization, type AuthorizationField, type CredentialSources } from './credentials.js'
import type { ApiDefinition, OperationDefinition } from './definition.js'
import { checkReply, type Logger } from './dev.js'
import { exchangeBasicScheme, oauthFailure, readBodyClient, type BodyClient } from './exchange.js'
import { fromRequest, HANDLE_INCOMING, type Incoming } from './incoming.js'
import { invalidRequest, type Issue } from './issues.js'
import type { MultipartLimits, ResolvedMultipartLimits } from './multipart/index.js'
import { Outgoing, problemOut, toResponse } from './outgoing.js'
import { NO_PARAMETERS, readParameters, parseQuery } from './parameters.js'
import type { AnyVerifier, Principal } from './principal.js'
import { createReply } from './reply.js'
import { Router, type RouteMatch } from './router.js'
import { isThenable } from './thenable.js'

/** What an error hook learns about a failed request. */
export interface ErrorContext {
  request: Request
  /** The operation being served, when routing got that far. */
  operation?: string | undefined
}

/** Runtime options of an app; the generated `ServerOptions` narrows `authenticate` and `handlers`. */
export interface AppOptions {
  /** `'production'` (the default) strips every detail that would not change what a client does next. */
  mode?: 'production' | 'development' | undefined
  authenticate: Readonly<Record<string, AnyVerifier | undefined>>
  handlers: Readonly<Record<string, ((...args: never[]) => unknown) | undefined>>
  /** Challenge realm of schemes that have no `x-realm` (on the scheme or the document root). */
  realm?: string | undefined
  /** Sees every error thrown by a verifier or handler; a returned `Response` replaces the 500. */
  onError?: ((error: unknown, context: ErrorContext) => void | Response | Promise<void | Response>) | undefined
  cors?: CorsOptions | undefined
  /** Largest accepted body in bytes (default 1 MiB); larger bodies get 413. */
  maxBodySize?: number | undefined
  /** Limits of multipart/form-data bodies (part count, file size); exceeding one gets 413. */
  multipart?: MultipartLimits | undefined
  /** Where development-mode findings and unreported errors go (default `console`). */
  logger?: Logger | undefined
}

/** A gatehouse app: a Web-standard fetch handler. */
export interface App {
  fetch(request: Request): Promise<Response>
}

/**
 * The node:http adapter's entry point, which skips building `Request`/`Response` objects.
 * A registry symbol, so `toNodeHandler` from another copy of this package (two installs, or
 * tsconfig `paths` to src/ beside a built dist/) still finds it; the suffix is the version of the
 * `Incoming` → `Outgoing | Response` protocol: change it when either shape changes.
 */
export const handleIncoming: unique symbol = Symbol.for(`${HANDLE_INCOMING}@1`)

/**
 * The node:http adapter asks this before reading a body: the answer to a request that can be given
 * without it, or undefined. A registry symbol for the same reason as {@link handleIncoming}.
 */
export const answerWithoutBody: unique symbol = Symbol.for('gatehouse.server.answerWithoutBody@1')

/** An app as the adapters see it. */
export interface InternalApp extends App {
  [handleIncoming](incoming: Incoming): Outgoing | Response | Promise<Outgoing | Response>
  [answerWithoutBody]?(incoming: Incoming): Outgoing | undefined
  readonly maxBodySize: number
}

/** The handler context given to every handler. */
export interface RuntimeContext {
  operation: string
  params: ReturnType<typeof readParameters>
  body: unknown
  principal: Principal | undefined
  principals: Record<string, Principal>
  request: Request
}

// Classes rather than object literals with closures: nothing is allocated per request but the instance.
class RequestSources implements CredentialSources {
  #query: ReadonlyMap<string, string[]> | undefined
  #cookies: Map<string, string[]> | undefined
  #authorization: AuthorizationField | undefined | null = null
  constructor(readonly incoming: Incoming) {}
  authorization(): AuthorizationField | undefined {
    if (this.#authorization === null) this.#authorization = readAuthorization(this.incoming.header('authorization'))
    return this.#authorization
  }
  query(): ReadonlyMap<string, string[]> {
    return (this.#query ??= parseQuery(this.incoming.search))
  }
  cookies(): Map<string, string[]> {
    return (this.#cookies ??= parseCookies(this.incoming.header('cookie')))
  }
}

// Only credentials exchanges with a Basic client scheme use this shape (the hot path never does).
class ExchangeSources extends RequestSources {
  constructor(
    incoming: Incoming,
    readonly bodyClient: BodyClient,
  ) {
    super(incoming)
  }
}

class Context implements RuntimeContext {
  readonly #incoming: Incoming
  constructor(
    readonly operation: string,
    readonly params: RuntimeContext['params'],
    readonly body: unknown,
    readonly principal: Principal | undefined,
    readonly principals: Record<string, Principal>,
    incoming: Incoming,
  ) {
    this.#incoming = incoming
  }
  get request(): Request {
    return this.#incoming.request
  }
}

type Result = Outgoing | Response

/** What the pipeline derives once per operation: a route match hands it back, so a request looks nothing up by name. */
interface Entry {
  readonly name: string
  readonly op: OperationDefinition
  readonly plan: Plan
  /** The operation's `reply` object: its helpers are stateless, so all requests share it. */
  readonly reply: Record<string, unknown>
  /** Query names that carry API keys: credentials, never reported as unsupported parameters. */
  readonly credentialKeys: ReadonlySet<string>
  /** A credentials exchange whose client authenticates with Basic: its form body is read before authenticating. */
  readonly exchangeClient: boolean
  /** A credentials exchange: the realm of its `invalid_client` challenge. */
  readonly exchangeRealm: string | undefined
  /** The challenges of a handler's 401 that carries none (one per scheme, no error code). */
  readonly bareChallenges: [string, string][]
}

/** The one 404 of the app: unknown routes and `reply.hidden()` both come from here, byte for byte. */
export function notFound(): Outgoing {
  return problemOut(404)
}

const isProtected = (op: OperationDefinition) => op.security.length > 0 && !op.security.some((r) => r.length === 0)

/**
 * Builds the request pipeline of a generated server: route → authenticate → authorize →
 * validate → handler → errors, in exactly that order (docs/design.md, "The rules").
 */
export function createApp(api: ApiDefinition, options: AppOptions): App {
  const development = options.mode === 'development'
  const logger = options.logger ?? console
  const maxBodySize = options.maxBodySize ?? 1024 * 1024
  const multipart: ResolvedMultipartLimits = {
    maxParts: options.multipart?.maxParts ?? 100,
    maxFileSize: options.multipart?.maxFileSize ?? maxBodySize,
    development,
  }
  const realmOf = (scheme: string) => api.schemes[scheme]?.realm ?? api.realm ?? options.realm
  const authEnv: AuthEnvironment = { schemes: api.schemes, verifiers: options.authenticate, realmOf, development, notFound, unauthenticated: new WeakMap() }
  const router = new Router(api.operations, (name, op): Entry => {
    const first = op.security.find((r) => r.length > 0)?.[0]?.scheme
    const reply = createReply(op, { notFound, realm: first === undefined ? api.realm ?? options.realm : realmOf(first) })
    let exchangeClient = false
    let exchangeRealm: string | undefined
    if (op.credentialsExchange) {
      const basic = exchangeBasicScheme(op, api.schemes)
      exchangeClient = basic !== undefined
      const scheme = basic ?? first
      exchangeRealm = scheme === undefined ? api.realm ?? options.realm : realmOf(scheme)
    }
    const credentialKeys = new Set<string>()
    for (const requirement of op.security) {
      for (const { scheme } of requirement) {
        const def = api.schemes[scheme]
        if (def?.credential === 'apiKey' && def.in === 'query' && def.name) credentialKeys.add(def.name)
      }
    }
    const schemes = [...new Set(op.security.flatMap((r) => r.map(({ scheme }) => scheme)))].filter((s) => api.schemes[s])
    const bareChallenges = challengeHeaders(schemes.map((s) => schemeChallenge(api.schemes[s]!, realmOf(s))))
    return { name, op, plan: planOf(op, api.schemes), reply, credentialKeys, exchangeClient, exchangeRealm, bareChallenges }
  })

  const allow = (route: RouteMatch<Entry>) => {
    const methods = [...route.methods.keys()]
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD')
    return methods
  }

  // The pipeline stays synchronous until something is really asynchronous (a verifier, the body
  // read by the fetch entry point, a handler): each step returns a value or a promise of one.
  // Those promises are made here (user thenables are wrapped by Promise.resolve where they arrive),
  // so `instanceof Promise` tells them apart: one check of a known class, where the shared
  // isThenable's `then` look-up sees every result shape of the pipeline and goes megamorphic.
  function pipeline(incoming: Incoming, served: { operation?: string }): Result | Promise<Result> {
    const route = router.match(incoming.pathname)
    if (!route) return notFound()
    const sources = new RequestSources(incoming)
    const entry = route.methods.get(incoming.method) ?? (incoming.method === 'HEAD' ? route.methods.get('GET') : undefined)
    if (!entry) return wrongMethod(route, sources)
    served.operation = entry.name
    if (entry.exchangeClient) return exchange(entry, route, incoming)
    const auth = authenticate(entry.op, sources, authEnv, entry.plan)
    return auth instanceof Promise ? auth.then((a) => validate(entry, route, sources, a)) : validate(entry, route, sources, auth)
  }

  // A token endpoint reads the client credentials of its form body before authenticating (§2.3.1).
  function exchange(entry: Entry, route: RouteMatch<Entry>, incoming: Incoming): Result | Promise<Result> {
    const go = (client: BodyClient) => {
      const sources = new ExchangeSources(incoming, client)
      const auth = authenticate(entry.op, sources, authEnv, entry.plan)
      return auth instanceof Promise ? auth.then((a) => validate(entry, route, sources, a)) : validate(entry, route, sources, auth)
    }
    const client = readBodyClient(incoming)
    return client instanceof Promise ? client.then(go) : go(client)
  }

  // Pipeline failures of a credentials exchange take the RFC 6749 §5.2 form; others stay problems.
  function failure(entry: Entry, out: Outgoing): Outgoing {
    return entry.op.credentialsExchange ? oauthFailure(out, entry.exchangeRealm, development) : out
  }

  function wrongMethod(route: RouteMatch<Entry>, sources: RequestSources): Result | Promise<Result> {
    const notAllowed = problemOut(405, {}, [['allow', allow(route).join(', ')]])
    // Answer as the route's protected operation would, so an anonymous caller cannot tell
    // which methods exist (a 405 would list them in `Allow`).
    const guarded = development ? undefined : [...route.methods.values()].find(({ op }) => isProtected(op))
    if (!guarded) return notAllowed
    const pick = (outcome: AuthOutcome) => (!outcome.ok && (outcome.out.status === 401 || outcome.out.status === 400) ? outcome.out : notAllowed)
    const outcome = authenticate(guarded.op, sources, authEnv, guarded.plan)
    return outcome instanceof Promise ? outcome.then(pick) : pick(outcome)
  }

  function validate(entry: Entry, route: RouteMatch<Entry>, sources: RequestSources, auth: AuthOutcome): Result | Promise<Result> {
    if (!auth.ok) return failure(entry, auth.out)
    const issues: Issue[] = []
    const op = entry.op
    // Nothing to read without declared parameters or a query (most requests): the large readParameters
    // is not entered, so it neither runs per request nor needs optimizing for it.
    const query = sources.query()
    const params = op.parameters === undefined && query.size === 0 ? NO_PARAMETERS : readParameters(op, sources, query, route.params, entry.credentialKeys, issues)
    const body = readBody(op, sources.incoming, issues, multipart)
    return body instanceof Promise ? body.then((b) => run(entry, sources.incoming, auth, params, issues, b)) : run(entry, sources.incoming, auth, params, issues, body)
  }

  function run(
    entry: Entry,
    incoming: Incoming,
    auth: AuthOutcome & { ok: true },
    params: RuntimeContext['params'],
    issues: Issue[],
    body: BodyOutcome,
  ): Result | Promise<Result> {
    if (!body.ok) return failure(entry, body.out)
    if (issues.length > 0) return failure(entry, invalidRequest(issues))
    const name = entry.name
    const handler = options.handlers[name] as ((context: RuntimeContext, reply: unknown) => unknown) | undefined
    if (!handler) return problemOut(501, { detail: development ? `No handler for operation ${name}.` : undefined })
    const context = new Context(name, params, body.body, auth.principal, auth.principals, incoming)
    const result = handler(context, entry.reply)
    return isThenable(result) ? Promise.resolve(result).then((r) => finish(entry, r)) : finish(entry, result)
  }

  function finish(entry: Entry, result: unknown): Result {
    if (!(result instanceof Outgoing) && !(result instanceof Response)) {
      throw new TypeError(`handler ${entry.name} must return a reply (got ${result === null ? 'null' : typeof result})`)
    }
    if (development) checkReply(entry.name, entry.op, result, logger)
    // RFC 9110 §15.5.2: a 401 carries at least one challenge, also when a handler sends it.
    if (result instanceof Outgoing && result.status === 401 && !result.headers.some(([n]) => n === 'www-authenticate')) {
      return new Outgoing(401, [...result.headers, ...entry.bareChallenges], result.body)
    }
    return result
  }

  function handle(incoming: Incoming): Result | Promise<Result> {
    const served: { operation?: string } = {}
    // Only an OPTIONS request can be a preflight: other requests are routed once, by the pipeline.
    if (options.cors && incoming.method === 'OPTIONS') {
      const route = router.match(incoming.pathname)
      const answer = preflight(options.cors, incoming, route && (() => allow(route)))
      if (answer) return answer
    }
    let out: Result | Promise<Result>
    try {
      out = pipeline(incoming, served)
    } catch (error) {
      out = failed(error, incoming, served.operation)
    }
    if (out instanceof Promise) out = out.then(undefined, (error: unknown) => failed(error, incoming, served.operation))
    const cors = options.cors
    if (!cors) return out
    const decorate = (o: Result) => withCors(o, corsHeaders(cors, incoming.header('origin')))
    return out instanceof Promise ? out.then(decorate) : decorate(out)
  }

  // A request without credentials for an operation that takes only a Bearer or Basic Authorization
  // gets its 401 whatever its body says (credentials come first): answered before the body is read,
  // as Fastify's onRequest hooks do, and node discards the unread body. No verifier runs here (there
  // is nothing to verify), so the pipeline is not run twice; every other request returns undefined.
  function withoutBody(incoming: Incoming): Outgoing | undefined {
    // The header first: a request that carries one (nearly all) is routed once, by the pipeline, not here too.
    if (options.cors || incoming.header('authorization') !== null) return undefined
    const route = router.match(incoming.pathname)
    const entry = route?.methods.get(incoming.method)
    if (!entry || !entry.plan.single || entry.op.credentialsExchange || entry.plan.optional) return undefined
    const credential = api.schemes[entry.plan.schemes[0]!]?.credential
    if (credential !== 'bearer' && credential !== 'basic') return undefined
    const auth = authenticate(entry.op, new RequestSources(incoming), authEnv, entry.plan)
    return auth instanceof Promise || auth.ok ? undefined : auth.out
  }

  async function failed(error: unknown, incoming: Incoming, operation: string | undefined): Promise<Outgoing | Response> {
    try {
      const replaced = options.onError ? await options.onError(error, { request: incoming.request, operation }) : logger.error(error)
      if (replaced instanceof Response) return replaced
    } catch (hookError) {
      logger.error(hookError)
    }
    const detail = development && error instanceof Error ? `${error.name}: ${error.message}` : undefined
    return problemOut(500, { detail })
  }

  const app: InternalApp = {
    maxBodySize,
    async fetch(request) {
      const out = await handle(fromRequest(request, maxBodySize))
      if (out instanceof Response) return out
      return toResponse(out, request.method.toUpperCase() === 'HEAD')
    },
    [handleIncoming]: handle,
    [answerWithoutBody]: withoutBody,
  }
  return app
}

function withCors(out: Outgoing | Response, headers: [string, string][]): Outgoing | Response {
  if (headers.length === 0) return out
  if (out instanceof Outgoing) return new Outgoing(out.status, [...out.headers, ...headers], out.body)
  const copy = new Headers(out.headers)
  for (const [name, value] of headers) copy.append(name, value)
  return new Response(out.body, { status: out.status, statusText: out.statusText, headers: copy })
}
