import { parseArgs } from 'node:util'
import type { GenerateOptions, Target } from '../options.js'

/** Usage text of `gatehouse --help`. */
export const USAGE = `Usage:
  gatehouse generate <spec> --out <dir> [--target all|client|server] [--check] [--watch] [--debug]
  gatehouse lint <spec> [--format text|json]
  gatehouse --help | --version

generate   writes the generated TypeScript into <dir>
  --out, -o <dir>  output directory (or "out" in gatehouse.config.json)
  --target, -t <t> all (default); client: no file that imports zod or @gatehouse/server;
                   server: no client (or "target" in gatehouse.config.json)
  --check          exit 1 and name the files that differ from what would be written; write nothing
  --watch, -w      regenerate whenever the spec or a file it references changes
  --debug          print stack traces

Exit codes: 0 ok, 1 --check found stale files, 2 invalid input or usage.`

/** `generate`'s arguments; fields are absent when not given, so a config file can fill them. */
export function parseGenerateArgs(argv: string[]): Partial<GenerateOptions> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      target: { type: 'string', short: 't' },
      check: { type: 'boolean' },
      watch: { type: 'boolean', short: 'w' },
      debug: { type: 'boolean' },
    },
  })
  if (positionals.length > 1) throw new TypeError(`unexpected argument "${positionals[1]}"`)
  const options: Partial<GenerateOptions> = {}
  if (positionals[0] !== undefined) options.spec = positionals[0]
  if (values.out !== undefined) options.out = values.out
  // Checked by resolveOptions, which names the accepted values.
  if (values.target !== undefined) options.target = values.target as Target
  if (values.check !== undefined) options.check = values.check
  if (values.watch !== undefined) options.watch = values.watch
  if (values.debug !== undefined) options.debug = values.debug
  return options
}
