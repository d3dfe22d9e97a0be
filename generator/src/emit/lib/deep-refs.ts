import { getAt } from '../../load/pointer.js'

/** A ref into the inside of a component schema, e.g. `#/components/schemas/Pool/properties/disks/items`. */
const DEEP_SCHEMA_REF = /^#\/components\/schemas\/[^/]+\/./

type Node = Record<string, unknown>

/**
 * Replaces refs that point inside a component schema with a copy of their target, in place.
 * openapi-typescript turns such a ref into an indexed access type (`components["schemas"]["Pool"]
 * ["disks"]["items"]`) that does not compile when a step is optional or an array (Linode's spec
 * has both). A ref that leads back to itself becomes `{}` (any value). Returns how many were inlined.
 */
export function inlineDeepSchemaRefs(doc: Node): number {
  let count = 0
  const resolving: string[] = []
  const replace = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value
    const ref = (value as { $ref?: unknown }).$ref
    if (typeof ref === 'string' && DEEP_SCHEMA_REF.test(ref)) {
      if (resolving.includes(ref)) return {}
      const target = getAt(doc, ref)
      if (target === undefined || target === null || typeof target !== 'object') return value
      count++
      resolving.push(ref)
      const { $ref: _ref, ...siblings } = value as Node
      const copy = replace({ ...structuredClone(target as Node), ...siblings })
      resolving.pop()
      return copy
    }
    visit(value)
    return value
  }
  const visit = (node: object): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = replace(node[i])
      return
    }
    for (const key in node) (node as Node)[key] = replace((node as Node)[key])
  }
  visit(doc)
  return count
}
