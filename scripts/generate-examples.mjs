#!/usr/bin/env node
// `npm run generate` writes every spec/*.{yaml,yml,json} to test/generated/<name>/;
// with --check (run by `npm test`) it writes nothing and exits 1 naming the stale files.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const root = fileURLToPath(new URL('../', import.meta.url))
const check = process.argv.includes('--check')
// One import, one module graph: `isGatehouseError` must see the class `generate` throws.
const { generate, isGatehouseError } = await tsImport('../generator/src/index.ts', import.meta.url)

const specs = readdirSync(`${root}spec`).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()
let stale = 0
let failed = 0
for (const spec of specs) {
  const name = spec.replace(/\.(ya?ml|json)$/, '')
  try {
    const result = await generate({ spec: `${root}spec/${spec}`, out: `${root}test/generated/${name}`, check })
    for (const file of result.changed) console.error(`${check ? 'stale' : 'updated'}: ${file.slice(root.length)}`)
    stale += result.changed.length
  } catch (error) {
    failed++
    console.error(isGatehouseError(error) ? error.format() : error)
  }
}
if (check && stale > 0) console.error(`${stale} generated example file(s) are stale: run \`npm run generate\` and commit test/generated/`)
console.log(`generate-examples: ${specs.length} specs${check ? ' checked' : ''}, ${stale} file(s) ${check ? 'stale' : 'updated'}`)
process.exitCode = failed > 0 ? 2 : check && stale > 0 ? 1 : 0
