import { credentialKind } from '../../model/credential.js'
import type { ApiModel, Operation } from '../../model/types.js'
import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'
import { indented, INDENT, jsdoc, PartsWriter, propertyKey, quote } from '../lib/index.js'
import { parameterData, requiredHeaderData, responseData, usedSchemes } from './shapes.js'

/**
 * `server.ts`: `createServer(options)` with a verifier per security scheme and a typed handler per
 * operation (the public contract in docs/design.md), over a static operation table handed to `@gatehouse/server`.
 */
export const serverEmitter: Emitter = {
  file: 'server.ts',
  targets: ['server'],
  emit: (model, options) => generatedHeader(options.specName) + emitServer(model),
}

const VERIFIER: Record<string, string> = { bearer: 'BearerVerifier', apiKey: 'ApiKeyVerifier', basic: 'BasicVerifier' }
const CARRIES: Record<string, string> = {
  bearer: 'gets the bearer token',
  apiKey: 'gets the API key',
  basic: 'gets the Basic username and password',
}

/** Who may call `op`, as `PrincipalBy` (packages/server/src/typing.ts) keys it. */
function principalAccess(op: Operation): string {
  if (op.security.public) return 'none'
  return op.security.optional ? 'optional' : 'required'
}

/** The keys of an `OperationDefinition` that `security.ts` holds. */
const SECURITY_KEYS = ['method', 'path', 'security', 'hideForbidden', 'exposeScopes', 'credentialsExchange']

/** `op`'s `OperationDefinition` beyond its security and schemas, as JSON data (undefined keys left out). */
function definitionData(model: ApiModel, op: Operation): Record<string, unknown> {
  const params = (['path', 'query', 'header', 'cookie'] as const).flatMap((loc) => op.parameters[loc]).map((p) => parameterData(model, p))
  let body: Record<string, unknown> | undefined
  if (op.requestBody) {
    const parts = Object.fromEntries(op.requestBody.content.filter((m) => m.partTypes).map((m) => [m.type, m.partTypes!]))
    const json = Object.fromEntries(op.requestBody.content.filter((m) => m.jsonParts).map((m) => [m.type, m.jsonParts!]))
    body = {
      required: op.requestBody.required,
      types: op.requestBody.content.map((m) => m.type),
      ...(Object.keys(parts).length > 0 && { partTypes: parts }),
      ...(Object.keys(json).length > 0 && { jsonParts: json }),
    }
  }
  return { parameters: params.length > 0 ? params : undefined, body, responses: responseData(op), requiredHeaders: requiredHeaderData(op) }
}

/** The body of `server.ts` (after the header). */
export function emitServer(model: ApiModel): string {
  const kinds = new Map(model.schemes.map((s) => [s.name, credentialKind(s)]))
  const verified = usedSchemes(model, (name) => kinds.get(name) ?? 'unsupported')
  const verifierTypes = [...new Set(verified.map((name) => VERIFIER[kinds.get(name)!]!))].sort()
  const file = new PartsWriter()
  let w = file.w
  w.writeLine('import {')
  w.indent(() => {
    for (const name of ['createApp', 'type App', 'type AppOptions', ...verifierTypes.map((t) => `type ${t}`), 'type OperationContext', 'type OperationDefinition', 'type OperationHandler', 'type OperationSchemas', 'type Principal', 'type PrincipalBy', 'type Reply']) {
      w.writeLine(`${name},`)
    }
  })
  w.writeLine(`} from '@gatehouse/server'`)
  w.writeLine(`import { operationSchemas } from './schemas.js'`)
  w.writeLine(`import { operationSecurity, realm, securitySchemes } from './security.js'`)
  w.writeLine(`import type { paths } from './types.js'`)
  // schemas.ts, which users' tsc does not check, reaches zod through @gatehouse/server/zod; naming
  // that entry here, in a checked file, makes a missing or older entry fail the build instead of
  // turning the schemas' types into `any`. Also the type to name a generated schema by.
  w.writeLine(`export type { Schema } from '@gatehouse/server/zod'`)
  w.blankLine()

  w.writeLine('/** One verifier per security scheme: return the principal, or `undefined` when the credentials are invalid. */')
  w.write('export interface Authenticators<P extends Principal = Principal>').block(() => {
    for (const name of verified) {
      const scheme = model.schemes.find((s) => s.name === name)!
      w.write(jsdoc([`\`${name}\` (${scheme.type}) ${CARRIES[kinds.get(name)!]}.`, scheme.description]))
      w.writeLine(`${propertyKey(name)}: ${VERIFIER[kinds.get(name)!]}<P>`)
    }
  })
  w.blankLine()

  // Three tables of literal types keyed by operation and a handful of generic aliases over them: tsc
  // resolves an operation's handler type only where it is used, not 1,000 times up front (issue 3).
  // Three tables, not one of `[operation, access, exchange]` tuples: checking an alias that reads
  // `HandlerIndex[K][1]` where a key of `PrincipalBy` (or a boolean) is expected makes tsc build the
  // constraint of `HandlerIndex[K]`, the union of every row's tuple, which resolves every operation
  // type of `types.ts` (GitHub: 7k more types, a fifth of a second under TypeScript 7, in every build of a project).
  // A table of literals alone has a union of three literals for constraint.
  // The per-operation tables as plain text (see `indented`), indented as the writer would.
  const rows = (row: (op: Operation) => string, withDoc: boolean) =>
    model.operations
      .map((op) => (withDoc ? indented(jsdoc([`${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary.trim()}` : ''}`]), 1) : '') + `${INDENT}${propertyKey(op.name)}: ${row(op)}\n`)
      .join('')
  w.writeLine('/** Per operation: its openapi-typescript type. Read lazily by {@link HandlerOf}. */')
  file.text(`export interface HandlerIndex {\n${rows((op) => `paths[${quote(op.path)}][${quote(op.method)}]`, true)}}\n`)
  w = file.w
  w.writeLine('/** Per operation: who calls it, as `PrincipalBy` keys it (`required`, `optional` principal, or `none` when public). */')
  file.text(`export interface HandlerAccess {\n${rows((op) => quote(principalAccess(op)), false)}}\n`)
  w = file.w
  w.writeLine('/** Per operation: whether it is an `x-credentials-exchange` (its reply has the OAuth error helpers). */')
  file.text(`export interface HandlerExchange {\n${rows((op) => (op.credentialsExchange ? 'true' : 'false'), false)}}\n\n`)
  w = file.w
  w.writeLine('/** The name of an operation that has a handler. */')
  w.writeLine('export type HandlerName = keyof HandlerIndex')
  w.writeLine('/** The handler of operation `K`; `P` is the principal type of `createServer<P>`. */')
  w.writeLine('export type HandlerOf<K extends HandlerName, P extends Principal = Principal> = OperationHandler<HandlerIndex[K], PrincipalBy<P>[HandlerAccess[K]], HandlerExchange[K]>')
  w.writeLine('/** One handler per operation; a missing one does not compile (and answers 501 if forced through). */')
  w.writeLine('export type Handlers<P extends Principal = Principal> = { [K in keyof HandlerIndex]: HandlerOf<K, P> }')
  w.writeLine('/** What the handler of operation `K` receives: `{ params, body, principal, principals, request }`. */')
  w.writeLine('export type HandlerContext<K extends HandlerName, P extends Principal = Principal> = OperationContext<HandlerIndex[K], PrincipalBy<P>[HandlerAccess[K]]>')
  w.writeLine('/** The `reply` object of operation `K`: helpers for its declared statuses only. */')
  w.writeLine('export type ServerReply<K extends HandlerName> = Reply<HandlerIndex[K], HandlerExchange[K]>')
  w.blankLine()
  w.writeLine('/** Options of {@link createServer}. */')
  w.write(`export interface ServerOptions<P extends Principal = Principal> extends Omit<AppOptions, 'authenticate' | 'handlers'>`).block(() => {
    w.writeLine('authenticate: Authenticators<P>')
    w.writeLine('handlers: Handlers<P>')
  })
  w.blankLine()

  // Both tables are assigned, so tsc checks them against what createApp reads; schemas.ts declares
  // its export's type, which makes the check one comparison (test/server/typing.test.ts too).
  w.writeLine('const schemas: Readonly<Record<string, OperationSchemas>> = operationSchemas')
  w.writeLine(`const security: Readonly<Record<string, Pick<OperationDefinition, ${SECURITY_KEYS.map(quote).join(' | ')}>>> = operationSecurity`)
  w.blankLine()
  // A JSON text per operation rather than an object literal: tsc checks a string in no time, where
  // GitHub's 1,223 literals (parameters, media types, statuses) cost every build of a user's server a second.
  w.writeLine('/** Per operation: its parameters, request body, responses and required response headers (`OperationDefinition`), as JSON. */')
  const definitions = model.operations.map((op) => `${INDENT}${propertyKey(op.name)}: ${quote(JSON.stringify(definitionData(model, op)))},\n`)
  file.text(`const definitions: Record<HandlerName, string> = {\n${definitions.join('')}}\n`)
  w = file.w
  w.writeLine(`type Definition = Pick<OperationDefinition, 'parameters' | 'body' | 'responses' | 'requiredHeaders'>`)
  w.writeLine('const operations: Record<string, OperationDefinition> = {}')
  w.write('for (const name in definitions) ').inlineBlock(() => {
    w.writeLine('operations[name] = { ...security[name]!, ...(JSON.parse(definitions[name as HandlerName]) as Definition), schemas: schemas[name] }')
  })
  w.newLine().blankLine()

  w.writeLine('/**')
  w.writeLine(' * The request pipeline of this API: route → authenticate → authorize → validate → handler,')
  w.writeLine(' * credentials checked first; a failure gets its standard answer (401 with a challenge, 403 with the')
  w.writeLine(' * missing scopes, 400 with problem details). Serve `app.fetch`, or `toNodeHandler(app)` from `@gatehouse/server`.')
  w.writeLine(' */')
  w.write('export function createServer<P extends Principal = Principal>(options: ServerOptions<P>): App').block(() => {
    w.writeLine('return createApp({ realm, schemes: securitySchemes, operations }, options as unknown as AppOptions)')
  })
  w.newLine()
  return file.toString()
}
