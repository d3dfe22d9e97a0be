import { getAt, toPointer } from './pointer.js'
import { type Role, structuralChildren } from './walk.js'

/** A `$ref` that names something outside the document, or that names nothing inside it. */
export interface RefProblem {
  kind: 'external' | 'dangling'
  ref: string
  /** Pointer of the object holding the `$ref`. */
  pointer: string
}

/**
 * Finds the first `$ref` that is external or points at nothing. A document whose refs are all
 * local and resolvable needs no bundling, which saves a full redocly walk on large single-file specs.
 * Data (`enum`, `const`, `default`, examples) is not walked (walk.ts), and the walk keeps its own
 * stack, so no nesting depth overflows it.
 */
export function firstRefProblem(doc: unknown): RefProblem | undefined {
  if (doc === null || typeof doc !== 'object') return undefined
  const resolved = new Map<string, boolean>()
  // Depth-first in document order: children are pushed in reverse.
  const stack: Frame[] = [{ node: doc, role: 'node' }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const { node, role } = frame
    const ref = (role === 'node' || role === 'example') && !Array.isArray(node) ? (node as { $ref?: unknown }).$ref : undefined
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) return { kind: 'external', ref, pointer: toPointer(pathOf(frame)) }
      let ok = resolved.get(ref)
      if (ok === undefined) resolved.set(ref, (ok = getAt(doc, ref) !== undefined))
      if (!ok) return { kind: 'dangling', ref, pointer: toPointer(pathOf(frame)) }
    }
    const children = structuralChildren(node, role)
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, value, childRole] = children[i]!
      stack.push({ node: value, role: childRole, key, parent: frame })
    }
  }
  return undefined
}

// Paths are parent links, built into a pointer only for the one problem reported (copying a path per node is quadratic in depth).
interface Frame {
  node: object
  role: Role
  key?: string
  parent?: Frame
}

function pathOf(frame: Frame): string[] {
  const path: string[] = []
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) path.push(f.key)
  return path.reverse()
}
