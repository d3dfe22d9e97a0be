import { defaultPathSerializer, serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from 'openapi-fetch'

/** A query parameter's OpenAPI `style` and `explode` (OpenAPI 3.1 §4.8.12.4), when not the defaults `form` / `true`. */
export type QueryStyle = readonly [style: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject', explode: boolean]

/**
 * Builds the request URL: path parameters substituted (style `simple`), query
 * parameters serialized per the spec's `style`/`explode`, using openapi-fetch's
 * serializers so `api.raw` and the operation methods encode identically.
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  params: { path?: object; query?: object } | undefined,
  styles: Record<string, QueryStyle> | undefined,
): string {
  let url = baseUrl + (params?.path ? defaultPathSerializer(path, params.path as Record<string, unknown>) : path)
  // Substituted values are percent-encoded, so a brace left over is a missing parameter.
  if (url.includes('{', baseUrl.length)) throw new TypeError(`missing path parameter in ${path}`)
  const query = params?.query as Record<string, unknown> | undefined
  let search = ''
  for (const name in query) {
    const value = query[name]
    if (value == null) continue
    const [style, explode] = styles?.[name] ?? ['form', true]
    const part = Array.isArray(value)
      ? value.length
        ? serializeArrayParam(name, value, { style: style === 'deepObject' ? 'form' : style, explode })
        : ''
      : typeof value === 'object'
        ? serializeObjectParam(name, value as Record<string, unknown>, { style: !styles?.[name] || style === 'deepObject' ? 'deepObject' : 'form', explode })
        : serializePrimitiveParam(name, value as string)
    if (part) search += (search ? '&' : '?') + part
  }
  return url + search
}
