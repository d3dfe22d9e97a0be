import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { isGatehouseError } from '../errors.js'
import type { GenerateResult } from '../generate.js'
import { resolveOptions, type GenerateOptions } from '../options.js'
import { parseGenerateArgs, USAGE } from './args.js'
import { readConfig } from './config.js'
import { checkReport, formatWarnings, summaryLine } from './report.js'
import { watchFiles } from './watch.js'

/** Runs the CLI and returns its exit code; all printing of the generator happens here. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const debug = argv.includes('--debug')
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE)
      return command === undefined ? 2 : 0
    }
    if (command === '--version' || command === '-v') {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
      console.log(pkg.version)
      return 0
    }
    if (command === 'lint') {
      // A separate module: `generate` users never load the linter.
      const { runLintCli } = await import('../lint/cli.js')
      return await runLintCli(rest)
    }
    if (command !== 'generate') {
      console.error(`gatehouse: unknown command "${command}"\n\n${USAGE}`)
      return 2
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(USAGE)
      return 0
    }
    const options = { ...(await readConfig(process.cwd())), ...parseGenerateArgs(rest) } as GenerateOptions
    // Usage errors (a missing --out, an unknown --target) end here with exit 2, before --watch starts.
    resolveOptions(options)
    if (options.watch) return await watchMode(options)
    return report(await timed(options))
  } catch (error) {
    return fail(error, debug)
  }
}

async function timed(options: GenerateOptions): Promise<{ result: GenerateResult; ms: number }> {
  const start = performance.now()
  // Loaded on demand so that `--help` and `--version` answer without loading the emitters.
  const { generate } = await import('../generate.js')
  const result = await generate(options, { betweenStages: fullCollection() })
  return { result, ms: performance.now() - start }
}

/**
 * V8's full collection, for use between the stages of a generation. Each emitter leaves its
 * working set behind as garbage, which V8 collects only as the heap grows, so the next emitter's
 * peak stacks on it: on Microsoft Graph (20 MB) that is about 0.35 GB of a 1.15 GB peak RSS. The
 * CLI owns its process, so it turns on `gc()` for it (a few ms per stage on usual specs; 0.2-0.4 s
 * on Microsoft Graph, hence none after the last stage); the library's `generate` never does.
 */
function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return undefined
  }
}

function report({ result, ms }: { result: GenerateResult; ms: number }): number {
  for (const line of formatWarnings(result)) console.error(line)
  if (result.options.check) {
    if (result.changed.length > 0) {
      for (const line of checkReport(result)) console.error(line)
      console.error(`gatehouse: ${result.changed.length} generated file(s) out of date; run \`gatehouse generate\` to update them`)
      return 1
    }
    console.log(`gatehouse: ${result.files.length} files up to date`)
    return 0
  }
  console.log(summaryLine(result, ms))
  return 0
}

function fail(error: unknown, debug: boolean): number {
  if (isGatehouseError(error)) {
    console.error(error.format())
    if (debug) console.error(error.stack)
  } else if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`gatehouse: ${error.message}\n\n${USAGE}`)
  } else {
    console.error(`gatehouse: internal error: ${(error as Error)?.message ?? String(error)}${debug ? '' : ' (rerun with --debug for the stack)'}`)
    if (debug) console.error((error as Error)?.stack)
  }
  return 2
}

async function watchMode(options: GenerateOptions): Promise<number> {
  let sources = [options.spec]
  const run = async () => {
    try {
      const done = await timed({ ...options, watch: false })
      sources = done.result.sources
      report(done)
    } catch (error) {
      fail(error, options.debug ?? false)
    }
  }
  await run()
  console.error('gatehouse: watching for changes (Ctrl-C to stop)')
  watchFiles(() => sources, run)
  return new Promise<number>(() => {})
}
