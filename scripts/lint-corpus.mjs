#!/usr/bin/env node
// Lints every spec of the real-world corpus (fetched into .corpus/, never committed) and prints a
// table of findings per spec. A spec that fails to load is a row with its error, never a crash:
// the point is to see how the rules behave on documents nobody wrote for gatehouse.
//
// usage: node scripts/lint-corpus.mjs [dir=.corpus] [--json]
// `ms` is the whole run per spec; in brackets, building the model and linting (the rest is read + parse + bundle).
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tsImport } from 'tsx/esm/api'

const args = process.argv.slice(2)
const json = args.includes('--json')
const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.corpus')
const { lintLoaded } = await tsImport('../generator/src/lint/run.ts', import.meta.url)
const { loadDocument } = await tsImport('../generator/src/load/index.ts', import.meta.url)

let files
try {
  files = readdirSync(dir)
    .filter((name) => /\.(json|ya?ml)$/.test(name) && statSync(join(dir, name)).isFile())
    .sort()
} catch {
  console.error(`lint-corpus: no corpus at ${dir} (fetch it with corpus/fetch-corpus.sh)`)
  process.exit(2)
}

const rows = []
for (const name of files) {
  const started = performance.now()
  try {
    const loaded = await loadDocument(join(dir, name))
    const linting = performance.now()
    const { findings, model } = lintLoaded(loaded)
    const byRule = {}
    for (const finding of findings) byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1
    rows.push({
      spec: name,
      operations: model?.operations.length ?? null,
      ms: Math.round(performance.now() - started),
      lintMs: Math.round(performance.now() - linting),
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
      byRule,
      unlocated: findings.filter((finding) => !finding.location).length,
    })
  } catch (error) {
    const code = error?.code ?? error?.name ?? 'Error'
    rows.push({ spec: name, ms: Math.round(performance.now() - started), failed: `${code}: ${String(error?.message ?? error).split('\n')[0]}` })
  }
}

if (json) {
  console.log(JSON.stringify(rows, null, 2))
} else {
  const table = [['spec', 'ops', 'ms (model+lint)', 'errors', 'warnings', 'findings by rule']]
  for (const row of rows) {
    if (row.failed) {
      table.push([row.spec, '-', String(row.ms), '-', '-', `load failed (exit 2) ${row.failed}`])
      continue
    }
    const rules = Object.entries(row.byRule)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ')
    table.push([row.spec, String(row.operations ?? '-'), `${row.ms} (${row.lintMs})`, String(row.errors), String(row.warnings), rules || '-'])
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)))
  const line = (cells) => `| ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join(' | ')} |`
  console.log(line(table[0]))
  console.log(`| ${widths.map((width, column) => '-'.repeat(column === widths.length - 1 ? 3 : width)).join(' | ')} |`)
  for (const cells of table.slice(1)) console.log(line(cells))
  const totals = {}
  for (const row of rows) for (const [rule, count] of Object.entries(row.byRule ?? {})) totals[rule] = (totals[rule] ?? 0) + count
  const unlocated = rows.reduce((sum, row) => sum + (row.unlocated ?? 0), 0)
  console.log(`\n${rows.length} specs, ${rows.filter((row) => row.failed).length} failed to load, ${unlocated} findings without a source location; findings per rule over the corpus:`)
  for (const [rule, count] of Object.entries(totals).sort(([, x], [, y]) => y - x)) console.log(`  ${rule.padEnd(40)} ${count}`)
}
