import { escapeToken } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A scope nobody requires grants nothing: usually a typo or a leftover from a removed operation. */
export const unusedScope: LintRule = {
  id: 'unused-scope',
  severity: 'warning',
  rationale: 'RFC 6749 §3.3 and RFC 6819 §5.1.5.1 (least privilege): a scope that no operation requires still gets requested and granted, with no effect but a wider token.',
  fix: 'remove the scope from the flow, or require it on the operations it is meant to guard',
  *check({ model }) {
    const used = new Set<string>()
    for (const operation of model.operations) {
      for (const alternative of operation.security.alternatives) {
        for (const requirement of alternative.schemes) {
          for (const scope of requirement.scopes) used.add(`${requirement.scheme}\u0000${scope}`)
        }
      }
    }
    for (const scheme of model.schemes) {
      if (scheme.type !== 'oauth2') continue
      // The same scope is often repeated in every flow: one finding per scope, at its first declaration.
      const flowsOf = new Map<string, string[]>()
      for (const flow of scheme.flows) {
        for (const scope of Object.keys(flow.scopes)) flowsOf.set(scope, [...(flowsOf.get(scope) ?? []), flow.kind])
      }
      for (const [scope, flows] of flowsOf) {
        if (used.has(`${scheme.name}\u0000${scope}`)) continue
        yield {
          message: `scope "${scope}" of oauth2 scheme "${scheme.name}" (${flows.join(', ')} flow${flows.length > 1 ? 's' : ''}) is required by no operation`,
          pointer: `${scheme.pointer}/flows/${flows[0]}/scopes/${escapeToken(scope)}`,
        }
      }
    }
  },
}
