import type { QueryStyle, queryPart } from './query.js'

export type { QueryStyle } from './query.js'

const enc = encodeURIComponent

/**
 * Splits a path template once per operation (`'/a/{id}/b'.split(PATH_PARAMS)` is `['/a/', 'id', '/b']`,
 * names at odd indexes), so a call concatenates instead of running a replace callback per parameter.
 */
export const PATH_PARAMS = /\{([^}]+)\}/

/** True when a query value needs `serialize` (request/query.ts): an array or an object. */
export function hasStructuredQuery(query: object | undefined): boolean {
  return Object.values(query ?? {}).some((v) => typeof v === 'object' && v !== null)
}

/**
 * Builds the request URL: path parameters substituted (style `simple`,
 * percent-encoded), query parameters serialized per the spec's
 * `style`/`explode` (default `form`, exploded; objects `deepObject`); arrays and
 * objects through `serialize` (request/query.ts's `queryPart`, loaded by the caller
 * when {@link hasStructuredQuery} says so). `parts`: `path` split by {@link PATH_PARAMS}, which a
 * caller sending the same operation again keeps.
 * Throws `TypeError` for a missing path parameter: a programmer error.
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  params: { path?: object; query?: object } | undefined,
  styles: Readonly<Record<string, QueryStyle>> | undefined,
  serialize?: typeof queryPart,
  parts: readonly string[] = path.split(PATH_PARAMS),
): string {
  const values = params?.path as Record<string, unknown> | undefined
  let url = baseUrl + parts[0]
  for (let i = 1; i < parts.length; i += 2) {
    const v = values?.[parts[i]!]
    if (v == null) throw new TypeError(`missing path parameter "${parts[i]}" of ${path}`)
    url += (Array.isArray(v) ? v.map(enc).join(',') : enc(v as string)) + parts[i + 1]
  }
  let sep = '?'
  const query = params?.query as Record<string, unknown> | undefined
  for (const name in query) {
    const value = query[name]
    if (value == null || (Array.isArray(value) && value.length === 0)) continue
    url += sep + (typeof value === 'object' ? serialize!(enc(name), value, styles?.[name]) : `${enc(name)}=${enc(value as string)}`)
    sep = '&'
  }
  return url
}
