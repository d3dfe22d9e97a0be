import { siteOf } from '../errors.js'
import type { GenerateResult } from '../generate.js'
import { shortPath } from '../load/paths.js'

/** Warnings as `file:line:col: warning: message (code)` lines. */
export function formatWarnings(result: GenerateResult): string[] {
  const file = shortPath(result.model.sourceFile)
  return result.model.diagnostics.map((d) => {
    const site = d.pointer === undefined ? { file } : siteOf(file, d.pointer, result.model.locate)
    const where = site.line === undefined ? `${file}` : `${site.file}:${site.line}:${site.column}`
    return `${where}: ${d.severity}: ${d.message} [${d.code}]`
  })
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
