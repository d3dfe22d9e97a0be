import { label } from '../lib/operations.js'
import { describesMalformedRequest } from '../lib/text.js'
import type { LintRule } from '../types.js'

/** 401 and 403 are about credentials; a request of the wrong shape is a 400. */
export const authStatusForMalformedRequest: LintRule = {
  id: 'auth-status-for-malformed-request',
  severity: 'error',
  rationale: 'RFC 9110 §15.5.1: a malformed request is 400; 401/403 (§15.5.2, §15.5.4) concern credentials. The seed\'s Flask-JWT fix answered "401 Bad Request".',
  fix: 'describe only credential failures on the 401/403, and declare the malformed-request case as a 400 (application/problem+json with invalid-params)',
  *check({ model }) {
    for (const operation of model.operations) {
      for (const response of operation.responses) {
        if (response.status !== '401' && response.status !== '403') continue
        const clause = describesMalformedRequest(response.description)
        if (clause === undefined) continue
        yield {
          operation: label(operation),
          message: `the ${response.status} response is described as a malformed request ("${clause}")`,
          pointer: `${response.pointer}/description`,
        }
      }
    }
  },
}
