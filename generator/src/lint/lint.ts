import type { ApiModel } from '../model/types.js'
import { ensureResolved, type LintOptions, type ResolvedLintOptions } from './options.js'
import { ruleIds, rules } from './rules/index.js'
import type { Finding, RuleHit } from './types.js'

/** How many operation names a merged message lists before "and N more". */
const LISTED_OPERATIONS = 3

/**
 * Check a loaded spec for auth and status-code misuse (RFC 9110 §15.5, RFC 6750 §3.1, RFC 6749 §5.2).
 * Pure: prints nothing, mutates neither the model nor the options.
 * @example
 * const findings = lint(await loadModel('spec/articles.yaml'), { rules: { 'unused-scope': 'off' } })
 */
export function lint(model: ApiModel, options: LintOptions | ResolvedLintOptions = {}): Finding[] {
  const resolved = ensureResolved(options, ruleIds)
  const findings: Finding[] = []
  for (const rule of rules) {
    const setting = resolved.rules.get(rule.id) ?? rule.severity
    if (setting === 'off') continue
    // A shared component (`$ref`) at fault for many operations is one place to fix: one finding.
    const groups = new Map<string, { hit: RuleHit; operations: string[] }>()
    for (const hit of rule.check({ model, options: resolved })) {
      const key = `${hit.pointer}\u0000${hit.message}`
      const group = groups.get(key) ?? { hit, operations: [] }
      groups.set(key, group)
      if (hit.operation !== undefined && !group.operations.includes(hit.operation)) group.operations.push(hit.operation)
    }
    for (const { hit, operations } of groups.values()) {
      const location = model.locate(hit.pointer)
      findings.push({
        rule: rule.id,
        severity: setting,
        message: operations.length > 0 ? `${listOperations(operations)}: ${hit.message}` : hit.message,
        fix: hit.fix ?? rule.fix,
        pointer: hit.pointer,
        ...(location ? { location } : {}),
        ...(operations.length > 0 ? { operations } : {}),
      })
    }
  }
  return sortFindings(findings)
}

function listOperations(operations: string[]): string {
  if (operations.length <= LISTED_OPERATIONS) return operations.join(', ')
  return `${operations.slice(0, LISTED_OPERATIONS).join(', ')} and ${operations.length - LISTED_OPERATIONS} more`
}

/** Source order (file, line, column), then rule order; findings without a location keep their order at the end. */
export function sortFindings(findings: Finding[]): Finding[] {
  const order = new Map(rules.map((rule, index) => [rule.id, index]))
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const la = a.finding.location
      const lb = b.finding.location
      if (la && lb) {
        return (
          compareText(la.file, lb.file) ||
          la.line - lb.line ||
          la.column - lb.column ||
          order.get(a.finding.rule)! - order.get(b.finding.rule)! ||
          a.index - b.index
        )
      }
      if (la || lb) return la ? -1 : 1
      return a.index - b.index
    })
    .map(({ finding }) => finding)
}

// Not localeCompare: the order must not depend on the machine's locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
