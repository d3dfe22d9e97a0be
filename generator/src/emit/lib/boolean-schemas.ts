import { type Role, structuralChildren } from '../../load/walk.js'

const APPLICATORS = new Set(['allOf', 'anyOf', 'oneOf'])

/**
 * Replaces boolean schemas inside `allOf`/`anyOf`/`oneOf` with their object forms (`true` → `{}`,
 * `false` → `{ not: {} }`), in place. They are valid wherever a schema may stand (JSON Schema
 * 2020-12 §4.3.2), but openapi-typescript's discriminator scan reads every member with `'$ref' in`,
 * which throws on a boolean. The walk keeps its own stack. Returns how many were replaced.
 */
export function objectifyBooleanSchemas(doc: object): number {
  let count = 0
  const work: Array<[object, Role]> = [[doc, 'node']]
  while (work.length > 0) {
    const [node, role] = work.pop()!
    if (role === 'node' && !Array.isArray(node)) {
      for (const key of APPLICATORS) {
        const members = (node as Record<string, unknown>)[key]
        if (!Array.isArray(members)) continue
        members.forEach((member, i) => {
          if (typeof member !== 'boolean') return
          members[i] = member ? {} : { not: {} }
          count++
        })
      }
    }
    for (const [, value, childRole] of structuralChildren(node, role)) work.push([value, childRole])
  }
  return count
}
