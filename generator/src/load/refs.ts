import { getAt, toPointer } from './pointer.js'

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
 */
export function firstRefProblem(doc: unknown): RefProblem | undefined {
  const resolved = new Map<string, boolean>()
  const path: string[] = []
  let problem: RefProblem | undefined
  const visit = (node: unknown): void => {
    if (problem || node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && !problem; i++) {
        path.push(String(i))
        visit(node[i])
        path.pop()
      }
      return
    }
    const ref = (node as { $ref?: unknown }).$ref
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) {
        problem = { kind: 'external', ref, pointer: toPointer(path) }
        return
      }
      let ok = resolved.get(ref)
      if (ok === undefined) resolved.set(ref, (ok = getAt(doc, ref) !== undefined))
      if (!ok) {
        problem = { kind: 'dangling', ref, pointer: toPointer(path) }
        return
      }
    }
    for (const key in node) {
      path.push(key)
      visit((node as Record<string, unknown>)[key])
      path.pop()
      if (problem) return
    }
  }
  visit(doc)
  return problem
}
