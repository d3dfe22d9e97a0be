// Media types and form fields, shared by the body readers.

/** The media type of a `Content-Type` value without parameters, lower-cased (RFC 9110 §8.3.1). */
export function essence(contentType: string | null): string {
  if (!contentType) return ''
  const semi = contentType.indexOf(';')
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase()
}

/** The declared media type (or range) that accepts `type`; no `+json` leniency: merge-patch is not JSON. */
export function matchMediaType(type: string, declared: readonly string[]): string | undefined {
  for (const candidate of declared) {
    const c = candidate.toLowerCase()
    if (c === type || c === '*/*') return candidate
    if (c.endsWith('/*') && type.startsWith(c.slice(0, -1))) return candidate
  }
  return undefined
}

/** JSON and every `+json` suffix type (RFC 6839 §3.1). */
export const isJson = (type: string) => type === 'application/json' || type.endsWith('+json')

/**
 * Form fields (URL-encoded or multipart) as a plain object whose keys are only the field names:
 * collected in a `Map`, so `__proto__`, `constructor` or `toString` are ordinary names, then
 * turned into an object with `Object.fromEntries` (own data properties, `__proto__` included).
 */
export function fieldsToObject<V>(fields: Iterable<readonly [string, V]>): Record<string, V | V[]> {
  const collected = new Map<string, V | V[]>()
  for (const [key, value] of fields) {
    const prior = collected.get(key)
    collected.set(key, prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value])
  }
  return Object.fromEntries(collected)
}
