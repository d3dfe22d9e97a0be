import { isBearerScheme, label, requirementPointer, schemeNamed } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** A caller without a token must be able to reach the endpoint that issues one. */
export const credentialsExchangeRequiresToken: LintRule = {
  id: 'credentials-exchange-requires-token',
  severity: 'error',
  rationale: 'The seed: the authorization endpoint "does not require the Authorization header to be supplied in order to get a 200 response"; requiring the bearer token it issues locks out every caller that has none (RFC 6749 §3.2 authenticates clients, not bearer tokens).',
  fix: 'set `security: []` on the credentials-exchange operation (or require only client authentication, e.g. http basic)',
  *check({ model }) {
    for (const operation of model.operations) {
      const { security } = operation
      if (!operation.credentialsExchange || security.public || security.optional) continue
      // Only when every way in needs a bearer token: a basic/apiKey alternative still lets a tokenless client log in.
      const needsBearer = security.alternatives.every((alternative) =>
        alternative.schemes.some((requirement) => isBearerScheme(schemeNamed(model, requirement.scheme))),
      )
      if (!needsBearer) continue
      const first = security.alternatives[0]?.schemes.find((requirement) => isBearerScheme(schemeNamed(model, requirement.scheme)))
      const inherited = security.source === 'root' ? ' (inherited from the root security)' : ''
      yield {
        operation: label(operation),
        message: `exchanges credentials for a token but requires the bearer scheme "${first?.scheme}"${inherited}`,
        // Inherited: the fix (`security: []`) goes on the operation, not on the root.
        pointer: security.source === 'root' ? operation.pointer : requirementPointer(operation, 0, first?.scheme),
      }
    }
  },
}
