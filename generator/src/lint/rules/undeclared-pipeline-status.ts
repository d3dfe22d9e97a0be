import type { ApiModel, Operation } from '../../model/types.js'
import { canAnswer401, escapeToken, isProtected, label, requiredScopes } from '../lib/operations.js'
import type { LintRule, RuleContext } from '../types.js'

/** What a spec usually names the shared response of each status, when it has none to point at. */
const CONVENTIONAL: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'NotFound',
  '413': 'ContentTooLarge',
  '415': 'UnsupportedMediaType',
}

/** The dedicated rules that already report a missing 401, 403 or 404: while they run, this one leaves those statuses to them. */
const REPORTED_BY: Record<string, string> = { '401': 'missing-401', '403': 'missing-403', '404': 'hide-forbidden-without-404' }

/** Whether the operation declares `status`, exactly, through its `4XX` range, or with `default`. */
function declares(operation: Operation, status: string): boolean {
  return operation.responses.some((r) => r.status === status || r.status === `${status[0]}XX` || r.status === 'default')
}

/** The statuses gatehouse's pipeline can answer `operation` with, before or instead of its handler. */
export function pipelineStatuses(model: ApiModel, operation: Operation): string[] {
  const statuses: string[] = []
  const hasInput = Object.values(operation.parameters).some((list) => list.length > 0) || operation.requestBody !== undefined
  // Malformed credentials (two Authorization headers, a repeated API key) are a 400 too.
  if (hasInput || isProtected(operation)) statuses.push('400')
  if (isProtected(operation) && canAnswer401(model, operation)) statuses.push('401')
  const scoped = requiredScopes(operation).length > 0 && !operation.security.optional && !operation.credentialsExchange
  if (scoped) statuses.push(operation.hideForbidden ? '404' : '403')
  if (operation.requestBody) statuses.push('413', '415')
  return statuses
}

/** `#/components/responses/<name>`: a shared response the spec already uses for `status`, else the conventional name. */
function refFor(model: ApiModel, status: string): string {
  const counts = new Map<string, number>()
  for (const operation of model.operations) {
    for (const response of operation.responses) {
      if (response.status !== status) continue
      const shared = /^\/components\/responses\/([^/]+)$/.exec(response.pointer)?.[1]
      if (shared) counts.set(shared, (counts.get(shared) ?? 0) + 1)
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  return `#/components/responses/${best ?? escapeToken(CONVENTIONAL[status] ?? `Status${status}`)}`
}

/** Statuses the pipeline sends that the operation does not declare: a validating proxy (or a typed client) calls each a violation. */
export const undeclaredPipelineStatus: LintRule = {
  id: 'undeclared-pipeline-status',
  severity: 'warning',
  rationale: 'OpenAPI 3.1 §4.8.16: the Responses Object documents the responses an operation can give; gatehouse answers 400 (bad input or malformed credentials), 401/403 (or the hidden 404) and 413/415 (bodies) itself, and a validating proxy flags every undeclared one.',
  fix: 'declare each listed status, e.g. `\'415\': { $ref: "#/components/responses/UnsupportedMediaType" }`',
  *check({ model, options }: RuleContext) {
    for (const operation of model.operations) {
      const missing = pipelineStatuses(model, operation).filter((status) => {
        const dedicated = REPORTED_BY[status]
        if (dedicated !== undefined && options.rules.get(dedicated) !== 'off') return false
        return !declares(operation, status)
      })
      if (missing.length === 0) continue
      const refs = missing.map((status) => `'${status}': { $ref: '${refFor(model, status)}' }`)
      yield {
        operation: label(operation),
        message: `the pipeline can answer ${missing.join(', ')}, which the operation does not declare`,
        pointer: operation.responses.length > 0 ? `${operation.pointer}/responses` : operation.pointer,
        fix: `add to its responses: ${refs.join(', ')}`,
      }
    }
  },
}
