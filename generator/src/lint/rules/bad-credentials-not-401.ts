import { isProtected, label } from '../lib/operations.js'
import { describesBadCredentials } from '../lib/text.js'
import type { LintRule } from '../types.js'

/** Missing, invalid or expired credentials on a protected operation are a 401, not a 400 or a 403. */
export const badCredentialsNot401: LintRule = {
  id: 'bad-credentials-not-401',
  severity: 'error',
  rationale: 'RFC 6750 §3.1 invalid_token → 401, RFC 9110 §15.5.2; the seed: Flask-JWT answered bad credentials with 400, "400 would mean that the request is malformed".',
  fix: 'describe the invalid/expired/missing-credentials case on the 401 (with WWW-Authenticate); keep 400 for malformed requests and 403 for valid credentials lacking a scope',
  *check({ model }) {
    for (const operation of model.operations) {
      // At a credentials exchange, bad credentials are invalid_grant, a 400 (RFC 6749 §5.2).
      if (!isProtected(operation) || operation.credentialsExchange) continue
      for (const response of operation.responses) {
        if (response.status !== '400' && response.status !== '403') continue
        const clause = describesBadCredentials(response.description, response.status)
        if (clause === undefined) continue
        yield {
          operation: label(operation),
          message: `the ${response.status} response is described as bad credentials ("${clause}"); that is a 401`,
          pointer: `${response.pointer}/description`,
        }
      }
    }
  },
}
