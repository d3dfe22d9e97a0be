import { declarationPointer, label, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A login or token endpoint answers wrong credentials with 400 invalid_grant or 401 invalid_client, never 403. */
export const credentialsExchange403: LintRule = {
  id: 'credentials-exchange-403',
  severity: 'error',
  rationale: 'RFC 6749 §5.2: a failed grant is 400 invalid_grant, failed client authentication 401 invalid_client; the seed: 403 means valid credentials, and credentials that fail to exchange are not valid.',
  fix: 'answer a wrong username/password or refresh token with 400 (invalid_grant) and failed client authentication with 401 (invalid_client + WWW-Authenticate); remove the 403',
  *check({ model }) {
    for (const operation of model.operations) {
      const forbidden = operation.credentialsExchange ? responseFor(operation, '403') : undefined
      if (!forbidden) continue
      yield {
        operation: label(operation),
        message: `exchanges credentials (x-credentials-exchange) but declares a 403 response`,
        pointer: declarationPointer(operation, forbidden.status),
      }
    }
  },
}
