import { parseArgs } from 'node:util'
import { isGatehouseError } from '../errors.js'
import { readLintConfig } from './config.js'
import { formatSummary, formatText, summarize, toJsonFinding, type JsonReport, type JsonSpecResult } from './format.js'
import { LintOptionsError, resolveLintOptions, type ResolvedLintOptions, type RuleSetting } from './options.js'
import { ruleIds } from './rules/index.js'
import { lintSpec } from './run.js'

const USAGE = 'usage: gatehouse lint [<spec>...] [--format text|json] [--rule-off <id>]... [--rule <id>=off|warning|error]... [--no-problem-json]'

/** Exit codes: 0 clean or warnings only, 1 some error-level finding, 2 unreadable/invalid input or bad arguments. */
const EXIT = { clean: 0, findings: 1, input: 2 } as const

interface Parsed {
  specs: string[]
  format: 'text' | 'json'
  options: ResolvedLintOptions
}

/** Command line over `gatehouse.config.json` (its `spec` and `lint` section) over the defaults. */
async function parse(args: string[], cwd: string): Promise<Parsed | string> {
  let values: { format?: string; 'rule-off'?: string[]; rule?: string[]; 'no-problem-json'?: boolean; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'rule-off': { type: 'string', multiple: true },
        rule: { type: 'string', multiple: true },
        'no-problem-json': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        // Read by the top-level CLI (stack traces of internal errors); accepted here so it is not "unknown".
        debug: { type: 'boolean' },
      },
    }))
  } catch (error) {
    return (error as Error).message
  }
  if (values.help) return ''
  const format = values.format ?? 'text'
  if (format !== 'text' && format !== 'json') return `--format must be text or json, got "${format}"`
  const config = await readLintConfig(cwd)
  const specs = positionals.length > 0 ? positionals : config.spec ? [config.spec] : []
  if (specs.length === 0) return 'missing <spec> (and no "spec" in gatehouse.config.json)'
  const rules: Record<string, RuleSetting> = { ...config.options.rules }
  for (const entry of values.rule ?? []) {
    const [id, setting] = entry.split('=')
    if (!id || (setting !== 'off' && setting !== 'warning' && setting !== 'error')) return `--rule takes <id>=off|warning|error, got "${entry}"`
    rules[id] = setting
  }
  for (const id of (values['rule-off'] ?? []).flatMap((value) => value.split(','))) rules[id.trim()] = 'off'
  const problemJson = values['no-problem-json'] ? false : config.options.problemJson
  try {
    return { specs, format, options: resolveLintOptions({ rules, ...(problemJson === undefined ? {} : { problemJson }) }, ruleIds) }
  } catch (error) {
    if (error instanceof LintOptionsError) return error.message
    throw error
  }
}

/**
 * `gatehouse lint [<spec>…] [--format text|json] [--rule-off id]… [--rule id=severity]… [--no-problem-json]`:
 * prints the findings and returns the exit code (1 on any error-level finding, 2 on unreadable or invalid input).
 * @param cwd where `gatehouse.config.json` is looked for (the process's working directory by default).
 */
export async function runLintCli(args: string[], { cwd = process.cwd() }: { cwd?: string } = {}): Promise<number> {
  let parsed: Parsed | string
  try {
    parsed = await parse(args, cwd)
  } catch (error) {
    if (!isGatehouseError(error)) throw error
    process.stderr.write(`${error.format()}\n`)
    return EXIT.input
  }
  if (typeof parsed === 'string') {
    if (parsed === '') {
      process.stdout.write(`${USAGE}\nrules: ${ruleIds.join(', ')}\n`)
      return EXIT.clean
    }
    process.stderr.write(`gatehouse lint: ${parsed}\n${USAGE}\n`)
    return EXIT.input
  }
  const results: JsonSpecResult[] = []
  let exit: number = EXIT.clean
  for (const spec of parsed.specs) {
    try {
      const report = await lintSpec(spec, parsed.options)
      const summary = summarize(report.findings)
      results.push({ spec: report.spec, findings: report.findings.map(toJsonFinding), summary })
      if (parsed.format === 'text') process.stdout.write(formatText(report.spec, report.findings))
      if (summary.errors > 0) exit = Math.max(exit, EXIT.findings)
    } catch (error) {
      if (!isGatehouseError(error)) throw error
      // The one-line `file:line:col: message` of `generate`, on stderr in both formats.
      process.stderr.write(`${error.format()}\n`)
      const { file, line, column, pointer } = error.site
      const location = file !== undefined && line !== undefined ? { file, line, column: column ?? 1 } : null
      results.push({ spec, findings: [], summary: { errors: 0, warnings: 0 }, error: { code: error.code, message: error.message, location, pointer: pointer ?? null } })
      exit = EXIT.input
    }
  }
  const summary = results.reduce((total, result) => ({ errors: total.errors + result.summary.errors, warnings: total.warnings + result.summary.warnings }), { errors: 0, warnings: 0 })
  if (parsed.format === 'json') {
    const report: JsonReport = { version: 1, specs: results, summary }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else if (results.some((result) => !result.error)) {
    process.stdout.write(`${formatSummary(summary, results.length)}\n`)
  }
  return exit
}
