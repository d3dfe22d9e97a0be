#!/usr/bin/env node
// `npm run typecheck` (the first step of `npm test`): every project of the repository under
// TypeScript 5.9 (`typescript`) and TypeScript 7 (`typescript7`, the native compiler npm now
// installs as `typescript@latest`), since users compile the generated code with either. Both are
// called by path: the two packages install the same `tsc` bin name.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
// The root project covers packages/server (same options); the browser packages have their own (`"types": []`).
const PROJECTS = ['packages/http-auth/tsconfig.json', 'packages/client/tsconfig.json', 'tsconfig.json']
const COMPILERS = [
  ['TypeScript 5.9', 'node_modules/typescript/bin/tsc'],
  ['TypeScript 7', 'node_modules/typescript7/bin/tsc'],
]

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
