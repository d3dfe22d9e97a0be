import { label } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** Nothing is forbidden on a public operation, so there is nothing for `x-hide-forbidden` to hide. */
export const hideForbiddenOnPublic: LintRule = {
  id: 'hide-forbidden-on-public-operation',
  severity: 'error',
  rationale: 'x-hide-forbidden turns "authenticated but not allowed" (RFC 9110 §15.5.4) into 404; an operation with `security: []` authenticates nobody, so the annotation is dead or the security is missing.',
  fix: 'give the operation its security requirement, or remove `x-hide-forbidden`',
  *check({ model }) {
    for (const operation of model.operations) {
      if (!operation.hideForbidden || !operation.security.public) continue
      yield {
        operation: label(operation),
        message: `has x-hide-forbidden but is public`,
        pointer: `${operation.pointer}/x-hide-forbidden`,
      }
    }
  },
}
