import { hasHeader, isBearerScheme, label, schemeNamed } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A bearer-token 403 says which scope is missing in its challenge, so a client knows what to ask for. */
export const forbiddenWithoutChallenge: LintRule = {
  id: '403-without-challenge',
  severity: 'warning',
  rationale: 'RFC 6750 §3 and §3.1: an insufficient_scope refusal is a 403 whose WWW-Authenticate carries error="insufficient_scope" (and MAY carry scope); the seed: telling the client the missing permission is what lets it "learn what to do next".',
  fix: 'add a `WWW-Authenticate` header to the 403 response (e.g. `Bearer error="insufficient_scope", scope="…"`)',
  *check({ model }) {
    for (const operation of model.operations) {
      // There the 403 itself is the mistake (hide-forbidden-with-403, credentials-exchange-403): no advice to decorate it.
      if (operation.hideForbidden || operation.credentialsExchange) continue
      // Only where a bearer token is refused for its scopes: Basic and API keys have no insufficient_scope.
      const scopedBearer = operation.security.alternatives.some((alternative) =>
        alternative.schemes.some((requirement) => requirement.scopes.length > 0 && isBearerScheme(schemeNamed(model, requirement.scheme))),
      )
      if (!scopedBearer) continue
      for (const response of operation.responses) {
        if (response.status !== '403' || hasHeader(response, 'WWW-Authenticate')) continue
        yield {
          operation: label(operation),
          message: 'the 403 response declares no WWW-Authenticate header for the insufficient_scope challenge',
          pointer: response.pointer,
        }
      }
    }
  },
}
