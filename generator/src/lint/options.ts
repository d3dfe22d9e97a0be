import type { Severity } from '../model/types.js'

/** A rule's configured level: its own severity, another one, or switched off. */
export type RuleSetting = Severity | 'off'

/** Options of `lint()`; every field is optional, `resolveLintOptions` fills the defaults. */
export interface LintOptions {
  /** Per-rule override by rule id, e.g. `{ 'unused-scope': 'off' }`. */
  rules?: Readonly<Record<string, RuleSetting>>
  /**
   * Check that error responses are `application/problem+json` (RFC 9457 §3).
   * `false` is the same as `rules: { 'error-response-not-problem-json': 'off' }`.
   */
  problemJson?: boolean
}

/** Options with every default applied; the only shape rules and the CLI read. */
export interface ResolvedLintOptions {
  rules: ReadonlyMap<string, RuleSetting>
  problemJson: boolean
}

/** Thrown for options that name a rule that does not exist (a typo would otherwise silently lint everything). */
export class LintOptionsError extends Error {
  override name = 'LintOptionsError'
}

/** Id of the rule that `problemJson: false` and `--no-problem-json` switch off (RFC 9457). */
export const PROBLEM_JSON_RULE = 'error-response-not-problem-json'

/**
 * The single source of lint defaults, used by `lint()`, the CLI and tests.
 * @param knownRules ids of the registered rules, to reject unknown ones.
 */
export function resolveLintOptions(options: LintOptions = {}, knownRules?: readonly string[]): ResolvedLintOptions {
  const rules = new Map<string, RuleSetting>()
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    if (knownRules && !knownRules.includes(id)) throw new LintOptionsError(`unknown lint rule "${id}" (known: ${knownRules.join(', ')})`)
    if (setting !== 'off' && setting !== 'error' && setting !== 'warning') {
      throw new LintOptionsError(`rule "${id}": setting must be "off", "error" or "warning", got ${JSON.stringify(setting)}`)
    }
    rules.set(id, setting)
  }
  const problemJson = (options.problemJson ?? true) && rules.get(PROBLEM_JSON_RULE) !== 'off'
  if (!problemJson) rules.set(PROBLEM_JSON_RULE, 'off')
  return { rules, problemJson }
}

/** Options as given, or already resolved (the CLI resolves once to report bad ids before loading anything). */
export function ensureResolved(options: LintOptions | ResolvedLintOptions, knownRules: readonly string[]): ResolvedLintOptions {
  return options.rules instanceof Map ? (options as ResolvedLintOptions) : resolveLintOptions(options as LintOptions, knownRules)
}
