import type { ApiModel, Severity, SourceLocation } from '../model/types.js'
import type { ResolvedLintOptions } from './options.js'

/** One problem `gatehouse lint` found in a spec: what, where, and how to fix it. */
export interface Finding {
  /** Stable rule id, e.g. `missing-401`. */
  rule: string
  severity: Severity
  /** One line, naming the operation or object concerned. */
  message: string
  /** One line: what to change in the spec. */
  fix: string
  /** RFC 6901 pointer into the root document. */
  pointer: string
  /** Where `pointer` was written, when the loader knows. */
  location?: SourceLocation
  /** The operations concerned (`POST /articles`); several when a shared component (`$ref`) is at fault. */
  operations?: string[]
}

/** What a rule reports; `lint()` adds the rule id, severity and location. */
export interface RuleHit {
  /** The operation concerned (`POST /articles`); prefixed to the message. */
  operation?: string
  /** One line, without the operation. */
  message: string
  pointer: string
  /** Overrides the rule's generic fix when a more precise one is known. */
  fix?: string
}

/** What every rule receives: the model and the resolved options. */
export interface RuleContext {
  model: ApiModel
  options: ResolvedLintOptions
}

/** One lint rule: a stable id, a default severity, why it exists, and how to fix what it finds. */
export interface LintRule {
  /** Stable, kebab-case; used by `--rule-off` and in JSON output. */
  id: string
  severity: Severity
  /** One line citing the RFC section or the seed argument the rule enforces. */
  rationale: string
  /** Generic fix text, used when a hit gives none. */
  fix: string
  check(context: RuleContext): Iterable<RuleHit>
}
