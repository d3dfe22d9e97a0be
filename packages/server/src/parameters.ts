import type { CredentialSources } from './credentials.js'
import type { OperationDefinition, ParameterDefinition } from './definition.js'
import { check, pointerOf, type Issue } from './issues.js'

/** Parameters by location, as handlers receive them. */
export interface ParsedParameters {
  path: Record<string, unknown>
  query: Record<string, unknown>
  header: Record<string, unknown>
  cookie: Record<string, unknown>
}

const DELIMITERS: Record<string, string> = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' }

const NO_QUERY: ReadonlyMap<string, string[]> = new Map()
const NONE = Object.freeze({})
/** What operations without parameters get: one frozen value shared by all requests, none allocated per request. */
export const NO_PARAMETERS: ParsedParameters = Object.freeze({ path: NONE, query: NONE, header: NONE, cookie: NONE })

const headerNames = new WeakMap<OperationDefinition, ReadonlyMap<string, string>>()
// Lower-case name → declared name of each header parameter, derived once per operation.
function headerNamesOf(op: OperationDefinition): ReadonlyMap<string, string> {
  let names = headerNames.get(op)
  if (!names) {
    names = new Map((op.parameters ?? []).filter((p) => p.in === 'header').map((p) => [p.name.toLowerCase(), p.name]))
    headerNames.set(op, names)
  }
  return names
}

/** Query keys with their values in order (`+` is a space, RFC 1866 form encoding). */
export function parseQuery(search: string): ReadonlyMap<string, string[]> {
  if (search === '') return NO_QUERY
  const query = new Map<string, string[]>()
  for (const [key, value] of new URLSearchParams(search)) {
    const list = query.get(key)
    if (list) list.push(value)
    else query.set(key, [value])
  }
  return query
}

function toObject(parts: string[], explode: boolean): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  if (explode) {
    for (const part of parts) {
      const eq = part.indexOf('=')
      if (eq === -1) return undefined
      out[part.slice(0, eq)] = part.slice(eq + 1)
    }
    return out
  }
  if (parts.length % 2 !== 0) return undefined
  for (let i = 0; i < parts.length; i += 2) out[parts[i]!] = parts[i + 1]!
  return out
}

/** Decodes one parameter's raw values per its style and explode (OpenAPI 3.1 §4.8.12.4). */
function decode(def: ParameterDefinition, raw: string[], issues: Issue[]): unknown {
  const fail = (reason: string) => {
    issues.push({ name: def.name, reason, in: def.in, pointer: pointerOf(def.in, [def.in === 'header' ? def.name.toLowerCase() : def.name]) })
    return undefined
  }
  const repeatable = def.array && def.in === 'query' && def.style === 'form' && def.explode
  if (raw.length > 1 && !repeatable) return fail('must not be repeated')
  if (def.json) {
    try {
      return JSON.parse(raw[0]!)
    } catch {
      return fail('is not valid JSON')
    }
  }
  if (repeatable) return raw
  const value = raw[0]!
  if (value === '' && !def.array) return fail('must not be blank')
  if (def.array) {
    if (value === '') return []
    const items = value.split(DELIMITERS[def.style] ?? ',')
    // Header lists are comma-separated with optional whitespace (RFC 9110 §5.6.1).
    return def.in === 'header' ? items.map((i) => i.trim()) : items
  }
  if (def.object) return toObject(value.split(','), def.explode) ?? fail('is not a valid object')
  return value
}

/**
 * Step 4 for parameters: reads every declared parameter, reports missing, blank, repeated and
 * unsupported ones, then validates each location with its zod schema. `credentialKeys` are query
 * names that carry API keys: they are credentials, not parameters, and are never reported.
 */
export function readParameters(
  op: OperationDefinition,
  sources: CredentialSources,
  query: ReadonlyMap<string, string[]>,
  pathValues: Record<string, string>,
  credentialKeys: ReadonlySet<string>,
  issues: Issue[],
): ParsedParameters {
  if (!op.parameters && query.size === 0) return NO_PARAMETERS
  const raw: ParsedParameters = { path: {}, query: {}, header: {}, cookie: {} }
  const consumed = new Set<string>()
  for (const def of op.parameters ?? []) {
    let values: string[]
    if (def.in === 'path') values = pathValues[def.name] === undefined ? [] : [pathValues[def.name]!]
    else if (def.in === 'query') {
      if (def.style === 'deepObject') {
        const object: Record<string, string> = {}
        const prefix = def.name + '['
        for (const [key, list] of query) {
          if (!key.startsWith(prefix) || !key.endsWith(']')) continue
          consumed.add(key)
          if (list.length > 1) decode(def, list, issues)
          object[key.slice(prefix.length, -1)] = list[0]!
        }
        if (Object.keys(object).length > 0) raw.query[def.name] = object
        else if (def.required) issues.push({ name: def.name, reason: 'is required', in: 'query', pointer: pointerOf('query', [def.name]) })
        continue
      }
      consumed.add(def.name)
      values = query.get(def.name) ?? []
    } else if (def.in === 'header') {
      const value = sources.incoming.header(def.name.toLowerCase())
      values = value === null ? [] : [value]
    } else values = sources.cookies().get(def.name) ?? []
    const key = def.in === 'header' ? def.name.toLowerCase() : def.name
    if (values.length === 0) {
      if (def.required) issues.push({ name: def.name, reason: 'is required', in: def.in, pointer: pointerOf(def.in, [key]) })
      continue
    }
    const decoded = decode(def, values, issues)
    if (decoded !== undefined) raw[def.in][key] = decoded
  }
  for (const key of query.keys()) {
    if (consumed.has(key) || credentialKeys.has(key)) continue
    issues.push({ name: key, reason: 'is not a supported parameter', in: 'query', pointer: pointerOf('query', [key]) })
  }
  const schemas = op.schemas
  if (!schemas) return raw
  // Values that already failed are absent from `raw`; zod must not report them a second time.
  const reported = new Set(issues.map((i) => i.pointer))
  const before = issues.length
  const out: ParsedParameters = { path: raw.path, query: raw.query, header: raw.header, cookie: raw.cookie }
  if (schemas.path) out.path = (check(schemas.path, raw.path, 'path', issues) ?? {}) as Record<string, unknown>
  if (schemas.query) out.query = (check(schemas.query, raw.query, 'query', issues) ?? {}) as Record<string, unknown>
  if (schemas.cookie) out.cookie = (check(schemas.cookie, raw.cookie, 'cookie', issues) ?? {}) as Record<string, unknown>
  if (schemas.header) {
    const names = headerNamesOf(op)
    const parsed = (check(schemas.header, raw.header, 'header', issues, (k) => names.get(k) ?? k) ?? {}) as Record<string, unknown>
    // Handlers see header parameters under the names the spec declares (as types.ts has them).
    out.header = {}
    for (const [key, value] of Object.entries(parsed)) out.header[names.get(key) ?? key] = value
  } else {
    const renamed: Record<string, unknown> = {}
    for (const def of op.parameters ?? []) if (def.in === 'header' && def.name.toLowerCase() in raw.header) renamed[def.name] = raw.header[def.name.toLowerCase()]
    out.header = renamed
  }
  if (reported.size > 0) {
    const fresh = issues.splice(before).filter((i) => !reported.has(i.pointer))
    issues.push(...fresh)
  }
  return out
}
