/** `gatehouse lint`: auth and status-code misuse in a spec, as data (the CLI in `cli.ts` prints it). */
export { lint } from './lint.js'
export { lintLoaded, lintSpec, type LintReport } from './run.js'
export { ensureResolved, LintOptionsError, resolveLintOptions, type LintOptions, type ResolvedLintOptions, type RuleSetting } from './options.js'
export { ruleIds, rules } from './rules/index.js'
export { formatSummary, formatText, summarize, toJsonFinding, type JsonFinding, type JsonReport, type JsonSpecResult, type LintSummary } from './format.js'
export type { Finding, LintRule, RuleContext, RuleHit } from './types.js'
