import { label, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** The hidden case *is* a 404, so the operation must document one for clients to handle it. */
export const hideForbiddenWithout404: LintRule = {
  id: 'hide-forbidden-without-404',
  severity: 'warning',
  rationale: 'RFC 9110 §15.5.4: a server hiding a forbidden resource "MAY instead respond with 404"; undeclared, that 404 is missing from the typed client, and the seed requires it to look exactly like a real 404.',
  fix: 'declare a 404 response (e.g. `$ref: "#/components/responses/NotFound"`), the same one a missing resource gets',
  *check({ model }) {
    for (const operation of model.operations) {
      // Without a path parameter or security, hiding itself is the mistake (reported by the other hide-forbidden rules).
      if (!operation.hideForbidden || operation.security.public || operation.parameters.path.length === 0) continue
      if (responseFor(operation, '404')) continue
      yield {
        operation: label(operation),
        message: 'has x-hide-forbidden but declares no 404 response to hide behind',
        pointer: `${operation.pointer}/x-hide-forbidden`,
      }
    }
  },
}
