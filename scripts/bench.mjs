#!/usr/bin/env node
// `npm run bench -- <name> [args…]` runs bench/<name>.ts from source; with no name, lists them.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url))
const available = readdirSync(benchDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort()
const [name, ...args] = process.argv.slice(2)
if (!name || !existsSync(`${benchDir}${name}.ts`)) {
  console.error(`usage: npm run bench -- <name> [args]\n  benchmarks: ${available.join(', ') || '(none yet)'}`)
  process.exit(name ? 2 : 0)
}
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url))
const result = spawnSync(process.execPath, ['--expose-gc', tsx, `${benchDir}${name}.ts`, ...args], { stdio: 'inherit' })
process.exit(result.status ?? 1)
