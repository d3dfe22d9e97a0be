import { getAt } from '../../load/pointer.js'
import { type Role, structuralChildren } from '../../load/walk.js'

/** A ref into the inside of a component schema, e.g. `#/components/schemas/Pool/properties/disks/items`. */
const DEEP_SCHEMA_REF = /^#\/components\/schemas\/[^/]+\/./

type Node = Record<string, unknown>

/**
 * Replaces refs that point inside a component schema with a copy of their target, in place.
 * openapi-typescript turns such a ref into an indexed access type (`components["schemas"]["Pool"]
 * ["disks"]["items"]`) that does not compile when a step is optional or an array (Linode's spec
 * has both). A ref that leads back to itself becomes `{}` (any value). Data (`enum`, `default`,
 * examples) is left alone, and the walk keeps its own stack (no depth overflows it).
 * Returns how many were inlined.
 */
export function inlineDeepSchemaRefs(doc: Node): number {
  let count = 0
  // Each item: a node whose children are checked, with the refs being inlined above it (a cycle guard).
  const work: Array<{ node: object; role: Role; chain: readonly string[] }> = [{ node: doc, role: 'node', chain: [] }]
  while (work.length > 0) {
    const { node, role, chain } = work.pop()!
    for (const [key, value, childRole] of structuralChildren(node, role)) {
      let child: object = value
      let childChain = chain
      // A copied target may itself be a deep ref: resolve until it is not.
      for (let ref = deepRef(child, childRole); ref !== undefined; ref = deepRef(child, childRole)) {
        if (childChain.includes(ref)) {
          child = {}
          break
        }
        const target = getAt(doc, ref)
        if (target === undefined || target === null || typeof target !== 'object') break
        count++
        const { $ref: _ref, ...siblings } = child as Node
        child = { ...structuredClone(target as Node), ...siblings }
        childChain = [...childChain, ref]
      }
      if (child !== value) (node as Node)[key] = child
      work.push({ node: child, role: childRole, chain: childChain })
    }
  }
  return count
}

function deepRef(node: object, role: Role): string | undefined {
  if (role !== 'node' || Array.isArray(node)) return undefined
  const ref = (node as Node).$ref
  return typeof ref === 'string' && DEEP_SCHEMA_REF.test(ref) ? ref : undefined
}
