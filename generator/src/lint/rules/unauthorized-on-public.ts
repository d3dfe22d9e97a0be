import { declarationPointer, label, publicReason, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A public operation checks no credentials, so it has no reason to send a 401 challenge. */
export const unauthorizedOnPublic: LintRule = {
  id: '401-on-public-operation',
  severity: 'warning',
  rationale: 'RFC 9110 §15.5.2: 401 means the request lacks valid credentials for the target resource; with `security: []` no credentials are required, so the 401 documents a response that cannot happen (or the security is wrong).',
  fix: 'remove the 401, or give the operation the security requirement it actually enforces (`- {}` first for optional authentication)',
  *check({ model }) {
    for (const operation of model.operations) {
      // A credentials exchange is public yet answers invalid_client with 401 (RFC 6749 §5.2).
      if (!operation.security.public || operation.credentialsExchange) continue
      const unauthorized = responseFor(operation, '401')
      if (!unauthorized) continue
      yield {
        operation: label(operation),
        message: `${publicReason(operation)} but it declares a 401 response`,
        pointer: declarationPointer(operation, unauthorized.status),
      }
    }
  },
}
