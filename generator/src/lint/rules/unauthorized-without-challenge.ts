import { hasHeader, label } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** Every 401 carries a `WWW-Authenticate` challenge, or the client cannot know how to authenticate. */
export const unauthorizedWithoutChallenge: LintRule = {
  id: '401-without-challenge',
  severity: 'error',
  rationale: 'RFC 9110 §15.5.2: a server generating a 401 MUST send a WWW-Authenticate header with at least one challenge (RFC 6749 §5.2 repeats it for invalid_client).',
  fix: 'add `headers: { WWW-Authenticate: { required: true, schema: { type: string } } }` to the 401 response',
  *check({ model }) {
    for (const operation of model.operations) {
      // On a public operation the 401 itself is the mistake (401-on-public-operation).
      if (operation.security.public && !operation.credentialsExchange) continue
      for (const response of operation.responses) {
        if (response.status !== '401' || hasHeader(response, 'WWW-Authenticate')) continue
        yield {
          operation: label(operation),
          message: `the 401 response declares no WWW-Authenticate header`,
          pointer: response.pointer,
        }
      }
    }
  },
}
