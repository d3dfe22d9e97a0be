import type { JsonSchema } from '../../model/types.js'
import { asObject, componentName, isDropped, refOf, resolveLocalRef, type SchemaIndex, subschemas } from './schema-utils.js'

/**
 * Walks a schema tree without entering components: reports every component
 * reference and every property that `mode` drops. Local refs into other parts
 * of the document are followed once each (they are inlined by the translator).
 */
export function scanSchema(
  schema: JsonSchema,
  index: SchemaIndex,
  onComponent: (name: string) => void,
  onDrop?: (side: 'request' | 'response') => void,
): void {
  const seenLocal = new Set<string>()
  const stack: JsonSchema[] = [schema]
  while (stack.length > 0) {
    const current = asObject(stack.pop())
    if (current === undefined) continue
    const ref = refOf(current)
    if (ref !== undefined) {
      const name = componentName(ref)
      if (name !== undefined) onComponent(name)
      else if (!seenLocal.has(ref)) {
        seenLocal.add(ref)
        const target = resolveLocalRef(index.document, ref)
        if (target !== undefined) stack.push(target)
      }
    }
    const properties = onDrop ? asObject(current.properties) : undefined
    if (properties) {
      for (const side of ['request', 'response'] as const) {
        if (Object.values(properties).some((p) => isDropped(p as JsonSchema, side, index))) onDrop!(side)
      }
    }
    for (const sub of subschemas(current)) stack.push(sub)
  }
}

/** Component names in an order where every component comes after those it needs, cycles grouped (Tarjan's SCCs). */
export interface ComponentOrder {
  /** Strongly connected components, dependencies first; members in document order. */
  groups: string[][]
  edges: ReadonlyMap<string, readonly string[]>
  /** Components that themselves (refs not followed) declare a property dropped on that side. */
  drops: Record<'request' | 'response', ReadonlySet<string>>
}

/** Builds the reference graph of the components and orders it; iterative so 1,000-deep chains cannot overflow the stack. */
export function orderComponents(index: SchemaIndex): ComponentOrder {
  const names = [...index.components.keys()]
  const position = new Map(names.map((name, i) => [name, i]))
  const edges = new Map<string, string[]>()
  const drops = { request: new Set<string>(), response: new Set<string>() }
  for (const [name, schema] of index.components) {
    const targets = new Set<string>()
    scanSchema(
      schema,
      index,
      (target) => {
        if (index.components.has(target)) targets.add(target)
      },
      (side) => drops[side].add(name),
    )
    edges.set(name, [...targets].sort((a, b) => position.get(a)! - position.get(b)!))
  }

  const indexOf = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const groups: string[][] = []
  let counter = 0
  for (const root of names) {
    if (indexOf.has(root)) continue
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }]
    indexOf.set(root, counter)
    low.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const targets = edges.get(frame.node)!
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!
        if (!indexOf.has(target)) {
          indexOf.set(target, counter)
          low.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({ node: target, next: 0 })
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(target)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const group: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          group.push(member)
        } while (member !== frame.node)
        groups.push(group.sort((a, b) => position.get(a)! - position.get(b)!))
      }
    }
  }
  return { groups, edges, drops }
}

/**
 * The components whose request (resp. response) form differs from the plain
 * one: a `readOnly` (resp. `writeOnly`) property is reachable through refs.
 */
export function variantComponents(order: ComponentOrder, side: 'request' | 'response'): Set<string> {
  const flagged = new Set<string>()
  for (const group of order.groups) {
    const found = group.some((name) => order.drops[side].has(name) || order.edges.get(name)!.some((target) => flagged.has(target)))
    if (found) for (const name of group) flagged.add(name)
  }
  return flagged
}
