import { isErrorStatus, label } from '../lib/operations.js'
import { PROBLEM_JSON_RULE } from '../options.js'
import type { LintRule } from '../types.js'

const PROBLEM = /^application\/problem\+(?:json|xml)$/i

/** Errors in one standard shape let every client handle every failure the same way. */
export const errorResponseNotProblemJson: LintRule = {
  id: PROBLEM_JSON_RULE,
  severity: 'warning',
  rationale: 'RFC 9457 §3 (problem details) and the seed: a standard error format "would be more appropriate to enable uniform problem management across clients"; gatehouse servers send application/problem+json.',
  fix: 'declare the error body as `application/problem+json` (e.g. `$ref: "#/components/schemas/Problem"`), or run with --no-problem-json',
  *check({ model, options }) {
    if (!options.problemJson) return
    for (const operation of model.operations) {
      for (const response of operation.responses) {
        // A body-less error says nothing about the format; RFC 6749 §5.2 fixes the token endpoint's 400/401 as OAuth error JSON.
        if (!isErrorStatus(response.status) || response.content.length === 0) continue
        if (operation.credentialsExchange && ['400', '401', '4XX'].includes(response.status)) continue
        if (response.content.some((media) => PROBLEM.test(media.type.split(';')[0]!.trim()))) continue
        const types = response.content.map((media) => media.type).join(', ')
        yield {
          operation: label(operation),
          message: `the ${response.status} response is ${types}, not application/problem+json`,
          pointer: `${response.pointer}/content`,
        }
      }
    }
  },
}
