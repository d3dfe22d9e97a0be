#!/usr/bin/env node
// `npm run corpus [-- --only id,id] [--no-tsc] [--with-stress]`: generates every real-world spec of
// corpus/manifest.json (fetched into .corpus/, never committed) into .corpus/out/<id>/,
// type-checks each output with tsc --noEmit (every file's body, the `@ts-nocheck` ones included)
// against the real runtime packages and zod, and prints
// a table. Exit 1 if any spec fails to generate or to compile.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { tsImport } from 'tsx/esm/api'

const root = fileURLToPath(new URL('../', import.meta.url))
const corpusTools = fileURLToPath(new URL('../corpus/', import.meta.url))
const dest = `${root}.corpus/`
const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-tsc': { type: 'boolean' }, 'with-stress': { type: 'boolean' } } })
const only = values.only ? new Set(values.only.split(',')) : undefined

const manifest = JSON.parse(readFileSync(`${corpusTools}manifest.json`, 'utf8'))
const specs = manifest.specs.filter((s) => (only ? only.has(s.id) : !s.optional || values['with-stress']))
const missing = specs.filter((s) => !existsSync(`${dest}${s.id}.${s.format}`))
if (missing.length > 0) {
  const args = [`${corpusTools}fetch-corpus.sh`, dest, '--only', missing.map((s) => s.id).join(',')]
  if (values['with-stress']) args.push('--with-stress')
  const fetched = spawnSync('bash', args, { stdio: 'inherit' })
  if (fetched.status !== 0) process.exit(fetched.status ?? 1)
}

// One import, one module graph: `isGatehouseError` must see the class `generate` throws.
const { generate, isGatehouseError } = await tsImport('../generator/src/index.ts', import.meta.url)
const tsc = `${root}node_modules/typescript/bin/tsc`
const pkg = (name) => `${root}packages/${name}/src/index.ts`

const SKIP_LINE = /^\/\/ @ts-nocheck: generated code checked by gatehouse.*\n/m
const rows = []
for (const spec of specs) {
  const out = `${dest}out/${spec.id}/`
  const row = { id: spec.id, ops: '-', schemas: '-', gen: '-', tsc: '-', ok: false, note: '' }
  rows.push(row)
  const start = performance.now()
  let result
  try {
    result = await generate({ spec: `${dest}${spec.id}.${spec.format}`, out })
    row.gen = ms(performance.now() - start)
    row.ops = result.model.operations.length
    row.schemas = result.model.schemas.length
    row.ok = true
  } catch (error) {
    row.note = isGatehouseError(error) ? error.format() : String(error?.stack ?? error)
    console.error(`${spec.id}: generation FAILED`)
    continue
  }
  console.error(`${spec.id}: generated in ${row.gen}`)
  if (values['no-tsc']) continue
  // Same resolution as the root tsconfig: @gatehouse/* from source, zod from node_modules.
  const tsconfig = {
    extends: `${root}tsconfig.base.json`,
    compilerOptions: { noEmit: true, types: ['node'], paths: { '@gatehouse/server': [pkg('server')], '@gatehouse/server/zod': [`${root}packages/server/src/zod.ts`], '@gatehouse/client': [pkg('client')], '@gatehouse/http-auth': [pkg('http-auth')], '@gatehouse/http-auth/*': [`${root}packages/http-auth/src/*/index.ts`, `${root}packages/http-auth/src/*.ts`] } },
    include: ['*.ts'],
  }
  mkdirSync(out, { recursive: true })
  writeFileSync(`${out}tsconfig.json`, JSON.stringify(tsconfig, null, 2))
  // Users' tsc skips the bodies of schemas.ts and security.ts (`// @ts-nocheck: generated code
  // checked by gatehouse`): this is where that check happens on real specs, so the line goes.
  for (const file of result.files) {
    const unchecked = file.content.replace(SKIP_LINE, '')
    if (unchecked !== file.content) writeFileSync(`${out}${file.path}`, unchecked)
  }
  const t0 = performance.now()
  const checked = spawnSync(process.execPath, [tsc, '-p', `${out}tsconfig.json`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  row.tsc = ms(performance.now() - t0)
  console.error(`${spec.id}: tsc ${checked.status === 0 ? 'ok' : 'FAILED'} in ${row.tsc}`)
  if (checked.status !== 0) {
    row.ok = false
    const errors = checked.stdout.split('\n').filter((l) => l.includes('error TS'))
    row.note = `${errors.length} tsc error(s); first: ${errors[0] ?? checked.stderr.trim()}`
  }
}

const header = ['id', 'ops', 'schemas', 'gen', 'tsc', 'ok']
const table = [header, ...rows.map((r) => [r.id, String(r.ops), String(r.schemas), r.gen, r.tsc, r.ok ? 'ok' : 'FAIL'])]
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)))
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '))
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
}
for (const r of rows.filter((r) => r.note)) console.log(`\n${r.id}: ${r.note}`)
process.exitCode = rows.every((r) => r.ok) ? 0 : 1

function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
}
