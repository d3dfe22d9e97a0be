import { siteOf } from '../errors.js'
import type { GenerateResult } from '../generate.js'
import { shortPath } from '../load/paths.js'

/** Warnings printed per code before the rest are summarized: a real spec can repeat one mistake 40 times. */
export const WARNINGS_PER_CODE = 5

/** Warnings as `file:line:col: warning: message [code]` lines, at most `WARNINGS_PER_CODE` per code. */
export function formatWarnings(result: GenerateResult): string[] {
  const file = shortPath(result.model.sourceFile)
  const seen = new Map<string, number>()
  const lines: string[] = []
  for (const d of result.model.diagnostics) {
    const count = (seen.get(d.code) ?? 0) + 1
    seen.set(d.code, count)
    if (count > WARNINGS_PER_CODE) continue
    const site = d.pointer === undefined ? { file } : siteOf(file, d.pointer, result.model.locate)
    const where = site.line === undefined ? `${file}` : `${site.file}:${site.line}:${site.column}`
    lines.push(`${where}: ${d.severity}: ${d.message} [${d.code}]`)
  }
  for (const [code, count] of seen) if (count > WARNINGS_PER_CODE) lines.push(`${file}: … and ${count - WARNINGS_PER_CODE} more [${code}]`)
  return lines
}

/** The one summary line: operations, schemas, files written, time. */
export function summaryLine(result: GenerateResult, ms: number): string {
  const m = result.model
  const out = shortPath(result.options.out)
  const unchanged = result.files.length - result.written.length
  return `gatehouse: ${shortPath(m.sourceFile)} → ${out}: ${m.operations.length} operations, ${m.schemas.length} schemas, ${result.written.length} files written (${unchanged} unchanged) in ${Math.round(ms)} ms`
}

/** The check-mode report: which files are stale. */
export function checkReport(result: GenerateResult): string[] {
  return result.changed.map((file) => `stale: ${shortPath(file)}`)
}
