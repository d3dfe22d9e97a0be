/** Reading the bundled raw document, for the few checks the model does not normalize (examples, nested schemas). */
import { getAt } from '../../load/pointer.js'

export { getAt } from '../../load/pointer.js'

/** Follow local `$ref`s (`#/…`) until a non-reference node; undefined on a dangling or cyclic chain. */
export function deref(document: unknown, node: unknown): unknown {
  const seen = new Set<string>()
  while (node !== null && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const ref = (node as { $ref: string }).$ref
    if (!ref.startsWith('#') || seen.has(ref)) return undefined
    seen.add(ref)
    node = getAt(document, ref)
  }
  return node
}

const SCHEMA_CHILDREN = ['allOf', 'anyOf', 'oneOf', 'items', 'not', 'additionalProperties'] as const

/**
 * Whether a schema (following `$ref`s and composition) declares a property whose
 * name matches; bounded so a recursive schema cannot loop.
 */
export function schemaHasProperty(document: unknown, schema: unknown, name: RegExp, seen = new Set<unknown>()): boolean {
  const node = deref(document, schema)
  if (node === null || typeof node !== 'object' || seen.has(node)) return false
  seen.add(node)
  const object = node as Record<string, unknown>
  const properties = object.properties
  if (properties && typeof properties === 'object') {
    for (const [key, value] of Object.entries(properties)) {
      if (name.test(key) || schemaHasProperty(document, value, name, seen)) return true
    }
  }
  for (const key of SCHEMA_CHILDREN) {
    const child = object[key]
    const children = Array.isArray(child) ? child : [child]
    if (children.some((item) => schemaHasProperty(document, item, name, seen))) return true
  }
  return false
}

/** Every string anywhere inside a value (examples, headers), following local `$ref`s, bounded in count. */
export function* strings(document: unknown, value: unknown, limit = 10_000): Generator<string> {
  const stack: unknown[] = [value]
  const seen = new Set<unknown>()
  let visited = 0
  while (stack.length > 0 && visited++ < limit) {
    const node = deref(document, stack.pop())
    if (typeof node === 'string') yield node
    else if (node === null || typeof node !== 'object' || seen.has(node)) continue
    else if (Array.isArray(node)) stack.push(...node)
    else {
      seen.add(node)
      for (const [key, child] of Object.entries(node)) {
        yield key
        stack.push(child)
      }
    }
  }
}
