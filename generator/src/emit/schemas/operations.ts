import type { JsonSchema, MediaType, Operation, Parameter, ParameterLocation } from '../../model/types.js'
import type { Ctx, TranslateEnv } from './context.js'
import { call, code, type Expr, literal, method, object, zod } from './expr.js'
import { responseHeadersExpr } from './headers.js'
import { translate } from './json-schema.js'
import { identifierPart } from './names.js'
import { asObject, componentName, type Mode, refOf } from './schema-utils.js'

// Form bodies arrive as text fields (the server decodes them to strings), so their scalars coerce.
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** A schema worth its own lazily built `const`: a component (or variant) or an inline schema of an operation. */
export interface NamedExpr {
  name: string
  expr: Expr
}

/** Hands out const names for an operation's inline schemas (see NameAllocator). */
export type Allocate = (base: string) => string

const LOCATIONS: ParameterLocation[] = ['path', 'query', 'header', 'cookie']
const LOCATION_SUFFIX: Record<ParameterLocation, string> = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie' }

// OpenAPI 3.1 §4.8.12.1: these header parameters SHALL be ignored (the HTTP layer owns them).
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization'])

/**
 * Builds one operation's entry of `operationSchemas`: parameters per
 * location, the request body per media type (request mode) and every
 * response's media types (response mode). Inline schemas become consts
 * pushed to `consts`; a plain component ref points at the component's const.
 */
export function operationEntry(operation: Operation, env: TranslateEnv, allocate: Allocate, consts: NamedExpr[]): Expr {
  const base = identifierPart(operation.name)
  const entries: Array<[string, Expr]> = []
  const named = (suffix: string, expr: Expr): Expr => {
    if (expr.kind === 'code') return expr
    const name = allocate(`${base}${suffix}Schema`)
    consts.push({ name, expr })
    return code(name)
  }

  for (const location of LOCATIONS) {
    const parameters = operation.parameters[location].filter(
      (p) => location !== 'header' || !IGNORED_HEADERS.has(p.name.toLowerCase()),
    )
    if (parameters.length === 0) continue
    entries.push([location, named(LOCATION_SUFFIX[location], parametersExpr(parameters, location, env))])
  }

  const body = operation.requestBody
  if (body !== undefined) {
    const content = mediaEntries(body.content, 'request', env, (suffix, expr) => named(`Body${suffix}`, expr))
    entries.push(['body', object([['required', literal(body.required)], ['content', object(content)]])])
  }

  const responses: Array<[string, Expr]> = operation.responses.map((response) => [
    response.status,
    object(mediaEntries(response.content, 'response', env, (suffix, expr) => named(`Response${statusSuffix(response.status)}${suffix}`, expr))),
  ])
  entries.push(['responses', object(responses)])
  const headers = operation.responses.flatMap((response): Array<[string, Expr]> => {
    const expr = responseHeadersExpr(response, env)
    return expr ? [[response.status, named(`Response${statusSuffix(response.status)}Headers`, expr)]] : []
  })
  if (headers.length > 0) entries.push(['headers', object(headers)])
  return object(entries)
}

function statusSuffix(status: string): string {
  return status === 'default' ? 'Default' : status.replace(/[^A-Za-z0-9]/g, '_')
}

/**
 * One entry per media type that has a schema; media types sharing a schema
 * share one const. Form bodies arrive as strings (the server decodes
 * `application/x-www-form-urlencoded` to `Record<string, string | string[]>`),
 * so they coerce like parameters.
 */
function mediaEntries(
  content: MediaType[],
  mode: Mode,
  env: TranslateEnv,
  named: (suffix: string, expr: Expr) => Expr,
): Array<[string, Expr]> {
  const shared = new Map<string, Expr>()
  const ids = new Map<JsonSchema, number>()
  const entries: Array<[string, Expr]> = []
  for (const media of content) {
    if (media.schema === undefined) continue
    const coerce = mode === 'request' && FORM_TYPES.has(media.type.toLowerCase())
    if (!ids.has(media.schema)) ids.set(media.schema, ids.size)
    const multipart = media.type.toLowerCase() === 'multipart/form-data'
    const jsonParts = multipart && coerce && media.jsonParts?.length ? new Set(media.jsonParts) : undefined
    const key = `${ids.get(media.schema)}:${coerce}:${multipart}:${jsonParts ? [...jsonParts].join(',') : ''}`
    let expr = shared.get(key)
    if (expr === undefined) {
      expr = named(shared.size === 0 ? '' : String(shared.size + 1), schemaExpr(media.schema, mode, env, coerce, multipart, jsonParts))
      shared.set(key, expr)
    }
    entries.push([media.type, expr])
  }
  return entries
}

/** A bare component ref stays a reference (no extra const); anything else is translated inline. */
function schemaExpr(schema: JsonSchema, mode: Mode, env: TranslateEnv, coerce: boolean, files = false, jsonParts?: ReadonlySet<string>): Expr {
  const ctx: Ctx = { env, mode, coerce, files, inlining: new Set(), depth: 0, ...(jsonParts && { jsonParts }) }
  const ref = refOf(schema)
  const name = ref !== undefined ? componentName(ref) : undefined
  const bare = !coerce && name !== undefined && env.index.components.has(name) && Object.keys(asObject(schema)!).length === 1
  return bare ? env.reference(name, mode) : translate(schema, ctx)
}

/** A location's parameters as one object keyed by name (headers lowercased); unknown query keys are errors. */
function parametersExpr(parameters: Parameter[], location: ParameterLocation, env: TranslateEnv): Expr {
  const shape = new Map<string, Expr>()
  for (const parameter of parameters) {
    const key = location === 'header' ? parameter.name.toLowerCase() : parameter.name
    // Header names are case-insensitive: `X-Id` and `x-id` are one header, the first declaration wins.
    if (shape.has(key)) continue
    const value = parameterValue(parameter, env)
    const required = parameter.required || location === 'path' || asObject(parameter.schema)?.default !== undefined
    shape.set(key, required ? value : method(value, 'optional'))
  }
  return zod(location === 'query' ? 'strictObject' : 'object', object([...shape]))
}

function parameterValue(parameter: Parameter, env: TranslateEnv): Expr {
  const ctx: Ctx = { env, mode: 'plain', coerce: true, inlining: new Set(), depth: 0 }
  if (parameter.contentType !== undefined && /[/+]json\b/i.test(parameter.contentType)) {
    return call(env.helper('$json'), translate(parameter.schema, { ...ctx, coerce: false }))
  }
  return translate(parameter.schema, ctx)
}
