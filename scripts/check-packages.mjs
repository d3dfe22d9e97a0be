#!/usr/bin/env node
// `npm run check:packages` (run by .ci/run): builds the four packages, then checks each as it
// would be published: publint (package.json fields against the packed files; warnings count
// as errors) and Are the Types Wrong (`attw --pack --profile esm-only`: every entry point
// resolves to types under node16 ESM and bundler resolution). Exit 1 on any problem.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const PACKAGES = ['packages/http-auth', 'packages/client', 'packages/server', 'generator']
const bin = (path) => `${root}node_modules/${path}`

function run(label, args, command = process.execPath) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error(`check:packages: ${label} failed (exit ${r.status})`)
    process.exit(1)
  }
}

run('npm run build', ['run', 'build', '--silent'], 'npm')
for (const dir of PACKAGES) {
  run(`publint ${dir}`, [bin('publint/src/cli.js'), 'run', dir, '--strict', '--pack', 'npm'])
  run(`attw ${dir}`, [bin('@arethetypeswrong/cli/dist/index.js'), '--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped', '--no-emoji', '--no-color'])
}
console.log(`check:packages: ${PACKAGES.length} packages pass publint --strict and attw --profile esm-only`)
