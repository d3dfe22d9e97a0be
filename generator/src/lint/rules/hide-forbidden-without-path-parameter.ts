import { label } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** Hiding only makes sense for a resource the caller names in the path; a fixed path has nothing to hide. */
export const hideForbiddenWithoutPathParameter: LintRule = {
  id: 'hide-forbidden-without-path-parameter',
  severity: 'error',
  rationale: 'The seed: 404 hides "a resource that belongs to another user" (IDOR); without a path parameter the operation names no such resource, and the 404 would claim a documented route does not exist.',
  fix: 'remove `x-hide-forbidden` and declare a 403, or move it to the operation on `/…/{id}` that names the resource',
  *check({ model }) {
    for (const operation of model.operations) {
      if (!operation.hideForbidden || operation.parameters.path.length > 0) continue
      yield {
        operation: label(operation),
        message: `has x-hide-forbidden but no path parameter naming a resource to hide`,
        pointer: `${operation.pointer}/x-hide-forbidden`,
      }
    }
  },
}
