// Query values that are arrays or objects, serialized per their OpenAPI `style` and `explode`:
// loaded with the first such value (its own chunk); scalars need none of it.

/** A query parameter's OpenAPI `style` and `explode` (OpenAPI 3.1 §4.8.12.4), when not the defaults `form` / `true`. */
export type QueryStyle = readonly [style: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject', explode: boolean]

const enc = encodeURIComponent
const DELIMITER = { form: ',', spaceDelimited: '%20', pipeDelimited: '|', deepObject: ',' } as const

/**
 * One array or object query parameter, serialized per OpenAPI 3.1 §4.8.12.4 (the same output as
 * openapi-fetch's serializers); without a declared style, arrays are `form` and objects
 * `deepObject`, both exploded. `name` is already percent-encoded.
 */
export function queryPart(name: string, value: object, style: QueryStyle | undefined): string {
  const [kind, explode] = style ?? (Array.isArray(value) ? ['form', true] : ['deepObject', true])
  if (Array.isArray(value)) {
    return explode ? value.map((v) => `${name}=${enc(v)}`).join('&') : `${name}=${value.map(enc).join(DELIMITER[kind])}`
  }
  const entries = Object.entries(value).filter(([, v]) => v != null)
  if (kind === 'deepObject') return entries.map(([k, v]) => `${name}[${k}]=${enc(v)}`).join('&')
  return explode ? entries.map(([k, v]) => `${k}=${enc(v)}`).join('&') : `${name}=${entries.map(([k, v]) => `${k},${enc(v)}`).join(',')}`
}
