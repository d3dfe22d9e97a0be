#!/usr/bin/env node
// `npm run typecheck` (the first step of `npm test`): every project of the repository under
// TypeScript 5.9 (`typescript`) and TypeScript 7 (`typescript7`, the native compiler npm now
// installs as `typescript@latest`), since users compile the generated code with either. Both are
// called by path: the two packages install the same `tsc` bin name.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
// The root project covers packages/server (same options); the browser packages have their own (`"types": []`).
const PROJECTS = ['packages/http-auth/tsconfig.json', 'packages/client/tsconfig.json', 'tsconfig.json', writeCheckedCopies()]
const COMPILERS = [
  ['TypeScript 5.9', 'node_modules/typescript/bin/tsc'],
  ['TypeScript 7', 'node_modules/typescript7/bin/tsc'],
]

/**
 * Generated files whose bodies users' tsc skips (`// @ts-nocheck: generated code checked by
 * gatehouse`, see generator/src/emit/header.ts) are checked here: a copy of test/generated without
 * that line, compiled with the root project's options. Returns the copy's tsconfig.
 */
function writeCheckedCopies() {
  const from = `${root}test/generated/`
  const to = `${root}test/.tmp/typecheck-generated/`
  rmSync(to, { recursive: true, force: true })
  for (const spec of readdirSync(from)) {
    mkdirSync(`${to}${spec}`, { recursive: true })
    for (const file of readdirSync(`${from}${spec}`)) {
      const text = readFileSync(`${from}${spec}/${file}`, 'utf8')
      writeFileSync(`${to}${spec}/${file}`, text.replace(/^\/\/ @ts-nocheck: generated code checked by gatehouse.*\n/m, ''))
    }
  }
  const config = { extends: '../../../tsconfig.json', include: ['.'], exclude: [] }
  writeFileSync(`${to}tsconfig.json`, JSON.stringify(config, null, 2))
  return 'test/.tmp/typecheck-generated/tsconfig.json'
}

let failed = 0
for (const [name, bin] of COMPILERS) {
  for (const project of PROJECTS) {
    const r = spawnSync(process.execPath, [`${root}${bin}`, '--noEmit', '-p', project], { cwd: root, stdio: 'inherit' })
    if (r.status !== 0) {
      failed++
      console.error(`typecheck: ${project} fails under ${name}`)
    }
  }
}
if (failed === 0) console.log(`typecheck: ${PROJECTS.length} projects pass under ${COMPILERS.map(([n]) => n).join(' and ')}`)
process.exitCode = failed > 0 ? 1 : 0
