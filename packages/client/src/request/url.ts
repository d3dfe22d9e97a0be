/** A query parameter's OpenAPI `style` and `explode` (OpenAPI 3.1 §4.8.12.4), when not the defaults `form` / `true`. */
export type QueryStyle = readonly [style: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject', explode: boolean]

const enc = encodeURIComponent
const DELIMITER = { form: ',', spaceDelimited: '%20', pipeDelimited: '|', deepObject: ',' } as const

/** One query parameter, serialized per OpenAPI 3.1 §4.8.12.4 (the same output as openapi-fetch's serializers). */
function queryPart(name: string, value: unknown, [style, explode]: QueryStyle): string {
  if (Array.isArray(value)) {
    return explode ? value.map((v) => `${name}=${enc(v)}`).join('&') : `${name}=${value.map(enc).join(DELIMITER[style])}`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as object).filter(([, v]) => v != null)
    if (style === 'deepObject') return entries.map(([k, v]) => `${name}[${k}]=${enc(v)}`).join('&')
    return explode ? entries.map(([k, v]) => `${k}=${enc(v)}`).join('&') : `${name}=${entries.map(([k, v]) => `${k},${enc(v)}`).join(',')}`
  }
  return `${name}=${enc(value as string)}`
}

/**
 * Builds the request URL: path parameters substituted (style `simple`,
 * percent-encoded), query parameters serialized per the spec's
 * `style`/`explode` (default `form`, exploded; objects `deepObject`).
 * Throws `TypeError` for a missing path parameter: a programmer error.
 */
export function buildUrl(baseUrl: string, path: string, params: { path?: object; query?: object } | undefined, styles: Readonly<Record<string, QueryStyle>> | undefined): string {
  const values = params?.path as Record<string, unknown> | undefined
  let url =
    baseUrl +
    path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const v = values?.[name]
      if (v == null) throw new TypeError(`missing path parameter "${name}" of ${path}`)
      return Array.isArray(v) ? v.map(enc).join(',') : enc(v as string)
    })
  let sep = '?'
  const query = params?.query as Record<string, unknown> | undefined
  for (const name in query) {
    const value = query[name]
    if (value == null || (Array.isArray(value) && value.length === 0)) continue
    const style = styles?.[name] ?? (typeof value === 'object' && !Array.isArray(value) ? ['deepObject', true] : ['form', true])
    url += sep + queryPart(enc(name), value, style)
    sep = '&'
  }
  return url
}
