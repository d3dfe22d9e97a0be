import { label, requiredScopes, responseFor } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** An operation that demands scopes refuses callers without them, and that refusal is a 403. */
export const missing403: LintRule = {
  id: 'missing-403',
  severity: 'error',
  rationale: 'RFC 6750 §3.1 insufficient_scope: "The request requires higher privileges than provided by the access token" → 403; the seed: "403 Forbidden is the status code to return when a client has valid credentials but not enough privileges".',
  fix: 'declare a 403 response (e.g. `$ref: "#/components/responses/Forbidden"`), or set `x-hide-forbidden: true` to answer 404 instead',
  *check({ model }) {
    for (const operation of model.operations) {
      // With an optional `{}` alternative, a caller lacking the scope still gets in (as anonymous), so no 403 arises;
      // a credentials exchange must never answer 403 (credentials-exchange-403), so it is not asked to declare one.
      if (operation.hideForbidden || operation.security.optional || operation.credentialsExchange) continue
      if (responseFor(operation, '403')) continue
      const scopes = requiredScopes(operation)
      if (scopes.length === 0) continue
      yield {
        operation: label(operation),
        message: `requires scope${scopes.length > 1 ? 's' : ''} ${scopes.join(', ')} but declares no 403 response`,
        // No `responses` at all (invalid, but seen in the wild): point at the operation.
        pointer: operation.responses.length > 0 ? `${operation.pointer}/responses` : operation.pointer,
      }
    }
  },
}
