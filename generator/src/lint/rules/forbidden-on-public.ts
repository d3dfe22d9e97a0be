import { declarationPointer, label, publicReason, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A public operation evaluates no credentials, so there is nobody to refuse with 403. */
export const forbiddenOnPublic: LintRule = {
  id: '403-on-public-operation',
  severity: 'error',
  rationale: 'RFC 6750 §3.1 and the seed: 403 means "valid credentials, not enough privileges"; an operation with `security: []` checks no credentials, so it can never mean that.',
  fix: 'remove the 403, or give the operation a security requirement with the scopes it checks',
  *check({ model }) {
    for (const operation of model.operations) {
      // A credentials exchange is public by nature; its 403 is reported by credentials-exchange-403.
      if (!operation.security.public || operation.credentialsExchange) continue
      const forbidden = responseFor(operation, '403')
      if (!forbidden) continue
      yield {
        operation: label(operation),
        message: `${publicReason(operation)} but it declares a 403 response`,
        pointer: declarationPointer(operation, forbidden.status),
      }
    }
  },
}
