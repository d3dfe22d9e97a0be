import { canAnswer401, isProtected, label, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A protected operation must document the 401 its missing or invalid credentials get. */
export const missing401: LintRule = {
  id: 'missing-401',
  severity: 'error',
  rationale: 'RFC 9110 §15.5.2 and RFC 6750 §3.1: missing or invalid credentials get 401 with a challenge; the seed: "401 Unauthorized is the status code to return when the client provides no credentials or invalid credentials".',
  fix: 'declare a 401 response with a required WWW-Authenticate header (e.g. `$ref: "#/components/responses/Unauthorized"`)',
  *check({ model }) {
    for (const operation of model.operations) {
      if (!isProtected(operation) || !canAnswer401(model, operation) || responseFor(operation, '401')) continue
      yield {
        operation: label(operation),
        message: `requires credentials but declares no 401 response`,
        // No `responses` at all (invalid, but seen in the wild): point at the operation.
        pointer: operation.responses.length > 0 ? `${operation.pointer}/responses` : operation.pointer,
      }
    }
  },
}
