import { declarationPointer, label, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** `x-hide-forbidden` promises 404 instead of 403; a declared 403 says the opposite. */
export const hideForbiddenWith403: LintRule = {
  id: 'hide-forbidden-with-403',
  severity: 'error',
  rationale: 'RFC 9110 §15.5.4: a server that wishes to hide a forbidden resource responds 404 instead; declaring both 403 and x-hide-forbidden contradicts itself and the 403 reveals what the 404 hides.',
  fix: 'remove the 403 response (the hidden case is answered with the 404), or drop `x-hide-forbidden`',
  *check({ model }) {
    for (const operation of model.operations) {
      const forbidden = operation.hideForbidden ? responseFor(operation, '403') : undefined
      if (!forbidden) continue
      yield {
        operation: label(operation),
        message: `has x-hide-forbidden but also declares a 403 response`,
        pointer: declarationPointer(operation, forbidden.status),
      }
    }
  },
}
