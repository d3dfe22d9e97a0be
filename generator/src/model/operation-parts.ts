import { toPointer } from '../load/pointer.js'
import { deref, fail, isObj, str, type BuildContext, type Obj } from './context.js'
import { jsonParts } from './multipart.js'
import type { JsonSchema, MediaType, Parameter, ParameterLocation, RequestBody, Response, ResponseHeader } from './types.js'

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie']

/**
 * Merges path-item and operation parameters (the operation's win, keyed by name and
 * location, OpenAPI 3.1 §4.8.10) and groups them by location with style/explode defaulted.
 */
export function buildParameters(ctx: BuildContext, pathLevel: unknown, pathPointer: string, opLevel: unknown, opPointer: string): Record<ParameterLocation, Parameter[]> {
  const merged = new Map<string, Parameter>()
  const add = (list: unknown, pointer: string) => {
    if (!Array.isArray(list)) return
    list.forEach((raw, i) => {
      const p = buildParameter(ctx, raw, `${pointer}/parameters/${i}`)
      merged.set(`${p.in}\0${p.name}`, p)
    })
  }
  add(pathLevel, pathPointer)
  add(opLevel, opPointer)
  const grouped: Record<ParameterLocation, Parameter[]> = { path: [], query: [], header: [], cookie: [] }
  for (const p of merged.values()) grouped[p.in].push(p)
  return grouped
}

function buildParameter(ctx: BuildContext, raw: unknown, at: string): Parameter {
  const resolved = deref(ctx, raw, at)
  if (!resolved) fail(ctx, 'invalid-document', 'a parameter must be an object', at)
  const p = resolved.value
  const location = p.in as ParameterLocation
  if (!LOCATIONS.includes(location)) fail(ctx, 'invalid-document', `parameter "${String(p.name)}" has invalid \`in\`: ${JSON.stringify(p.in)}`, resolved.pointer)
  const name = str(p.name)
  if (name === undefined) fail(ctx, 'invalid-document', 'a parameter needs a `name`', resolved.pointer)
  if (location === 'path') ctx.pathRequired.set(resolved.pointer, p.required)
  const style = str(p.style) ?? (location === 'query' || location === 'cookie' ? 'form' : 'simple')
  const content = firstMedia(p.content)
  const parameter: Parameter = {
    name,
    in: location,
    // Path parameters are always required (OpenAPI 3.1 §4.8.12.1), whatever the document says.
    required: location === 'path' || p.required === true,
    style,
    explode: typeof p.explode === 'boolean' ? p.explode : style === 'form',
    allowReserved: p.allowReserved === true,
    deprecated: p.deprecated === true,
    pointer: resolved.pointer,
  }
  if (str(p.description) !== undefined) parameter.description = str(p.description)
  const schema = p.schema !== undefined ? (p.schema as JsonSchema) : content?.[1].schema
  if (schema !== undefined) parameter.schema = schema as JsonSchema
  if (content) parameter.contentType = content[0]
  return parameter
}

function firstMedia(content: unknown): [string, Obj] | undefined {
  if (!isObj(content)) return undefined
  const entry = Object.entries(content)[0]
  return entry && isObj(entry[1]) ? [entry[0], entry[1]] : undefined
}

function buildContent(ctx: BuildContext, content: unknown, pointer: string): MediaType[] {
  if (!isObj(content)) return []
  return Object.entries(content).map(([type, media]) => {
    const m: MediaType = { type, pointer: `${pointer}/content/${toPointer([type]).slice(1)}` }
    if (isObj(media) && media.schema !== undefined) m.schema = media.schema as JsonSchema
    if (isObj(media) && isObj(media.encoding)) {
      const types: Record<string, string> = {}
      for (const [field, encoding] of Object.entries(media.encoding)) if (isObj(encoding) && str(encoding.contentType)) types[field] = str(encoding.contentType)!
      if (Object.keys(types).length > 0) m.partTypes = types
    }
    if (type.toLowerCase() === 'multipart/form-data' && isObj(media)) {
      const json = jsonParts(ctx, media.schema, m.partTypes)
      if (json.length > 0) m.jsonParts = json
    }
    return m
  })
}

/** The request body, per media type in document order. */
export function buildRequestBody(ctx: BuildContext, raw: unknown, at: string): RequestBody | undefined {
  if (raw === undefined) return undefined
  const resolved = deref(ctx, raw, at)
  if (!resolved) fail(ctx, 'invalid-document', 'a request body must be an object', at)
  const body: RequestBody = { required: resolved.value.required === true, content: buildContent(ctx, resolved.value.content, resolved.pointer), pointer: resolved.pointer }
  if (str(resolved.value.description) !== undefined) body.description = str(resolved.value.description)
  return body
}

/** Responses in document order; `4xx`-style ranges are normalized to `4XX`. */
export function buildResponses(ctx: BuildContext, raw: unknown, opPointer: string): Response[] {
  if (!isObj(raw)) return []
  return Object.entries(raw)
    .filter(([status]) => !status.startsWith('x-'))
    .map(([status, value]) => {
      const at = `${opPointer}/responses/${toPointer([status]).slice(1)}`
      const resolved = deref(ctx, value, at)
      if (!resolved) fail(ctx, 'invalid-document', `response ${status} must be an object`, at)
      const r = resolved.value
      return {
        status: /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status,
        description: str(r.description) ?? '',
        headers: buildHeaders(ctx, r.headers, resolved.pointer),
        content: buildContent(ctx, r.content, resolved.pointer),
        pointer: resolved.pointer,
      }
    })
}

function buildHeaders(ctx: BuildContext, raw: unknown, pointer: string): ResponseHeader[] {
  if (!isObj(raw)) return []
  return Object.entries(raw).flatMap(([name, value]) => {
    const resolved = deref(ctx, value, `${pointer}/headers/${toPointer([name]).slice(1)}`)
    if (!resolved) return []
    const h = resolved.value
    const header: ResponseHeader = { name, required: h.required === true }
    if (str(h.description) !== undefined) header.description = str(h.description)
    const schema = h.schema !== undefined ? h.schema : firstMedia(h.content)?.[1].schema
    if (schema !== undefined) header.schema = schema as JsonSchema
    return [header]
  })
}
