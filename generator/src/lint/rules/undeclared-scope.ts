import { label, requirementPointer, schemeNamed } from '../lib/operations.js'
import type { LintRule } from '../types.js'

/** An oauth2 scope no flow declares can never be granted, so the operation is unreachable. */
export const undeclaredScope: LintRule = {
  id: 'undeclared-scope',
  severity: 'error',
  rationale: 'OpenAPI 3.1 (Security Requirement Object): for oauth2 the list holds the required scope names, which the OAuth Flow Object declares in `scopes`; RFC 6749 §3.3: an authorization server grants only scopes it defines.',
  fix: 'add the scope to the scheme\'s flows (`flows.<flow>.scopes`), or correct its spelling in the requirement',
  *check({ model }) {
    for (const operation of model.operations) {
      for (const [index, alternative] of operation.security.alternatives.entries()) {
        for (const requirement of alternative.schemes) {
          const scheme = schemeNamed(model, requirement.scheme)
          // 3.1 lets other schemes carry free-form role names; only oauth2 declares its scopes.
          if (scheme?.type !== 'oauth2') continue
          const declared = new Set(scheme.flows.flatMap((flow) => Object.keys(flow.scopes)))
          for (const [position, scope] of requirement.scopes.entries()) {
            if (declared.has(scope)) continue
            yield {
              operation: label(operation),
              message: `requires scope "${scope}", which no flow of oauth2 scheme "${scheme.name}" declares`,
              pointer: `${requirementPointer(operation, index, requirement.scheme)}/${position}`,
            }
          }
        }
      }
    }
  },
}
