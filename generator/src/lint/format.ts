import type { SourceLocation } from '../model/types.js'
import type { Finding } from './types.js'

/** Totals over a set of findings. */
export interface LintSummary {
  errors: number
  warnings: number
}

/** One spec in the JSON output: its findings, or the load error that stopped it (exit 2). */
export interface JsonSpecResult {
  spec: string
  findings: JsonFinding[]
  summary: LintSummary
  error?: { code: string; message: string; location: SourceLocation | null; pointer: string | null }
}

/** A finding in the JSON output: every key always present, so consumers need no optional checks. */
export interface JsonFinding {
  rule: string
  severity: 'error' | 'warning'
  message: string
  fix: string
  pointer: string
  location: SourceLocation | null
  operations: string[]
}

/** The `--format json` document; `version` changes only on incompatible changes. */
export interface JsonReport {
  version: 1
  specs: JsonSpecResult[]
  summary: LintSummary
}

/** Count errors and warnings. */
export function summarize(findings: readonly Finding[]): LintSummary {
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { errors, warnings: findings.length - errors }
}

/** `file:line:col`, or `file#/pointer` when the position is unknown. */
export function where(spec: string, finding: Finding): string {
  const at = finding.location
  return at ? `${at.file}:${at.line}:${at.column}` : `${spec}#${finding.pointer}`
}

/** The text format: `file:line:col  severity  rule-id  message` then `  fix: …` per finding. */
export function formatText(spec: string, findings: readonly Finding[]): string {
  return findings.map((finding) => `${where(spec, finding)}  ${finding.severity}  ${finding.rule}  ${finding.message}\n  fix: ${finding.fix}\n`).join('')
}

/** The closing line of the text format. */
export function formatSummary(summary: LintSummary, specs: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const total = summary.errors + summary.warnings
  const scope = specs === 1 ? '' : ` in ${plural(specs, 'spec')}`
  return total === 0 ? `no problems found${scope}` : `${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})${scope}`
}

/** A finding in its JSON form. */
export function toJsonFinding(finding: Finding): JsonFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    fix: finding.fix,
    pointer: finding.pointer,
    location: finding.location ?? null,
    operations: finding.operations ?? [],
  }
}
