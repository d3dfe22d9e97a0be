// `npm run bench -- generate [--runs N] [--only github,stripe] [--no-tsc] [--bin]`: full `gatehouse generate`
// (every output file) against the openapi-typescript CLI alone on GitHub, Stripe
// and Kubernetes, alternated, medians of N runs (default 5): wall time and peak RSS (/usr/bin/time).
// Then tsc --noEmit on our output against tsc on openapi-typescript's output plus a three-call
// openapi-fetch file. Targets (issue 3): ≤ 1.5× time, ≤ peak memory, tsc ≤ 1.5×. Prints; asserts nothing.
// gatehouse runs as it ships: the generator compiled by tsc (into bench/.out/dist), like the published
// package's dist/. `--bin` measures generator/bin/gatehouse.js instead, which runs the sources through
// tsx inside the workspace (about +80 MiB of RSS for tsx and esbuild). `--breakdown` adds one tsc run
// per growing subset of our files (types+security, +schemas, +client, +server) to show where tsc time goes.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadModel } from '../generator/src/model/index.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, 'no-tsc': { type: 'boolean' }, bin: { type: 'boolean' }, breakdown: { type: 'boolean' } } })
const runs = Math.max(1, Number(values.runs))
const ids = values.only ? values.only.split(',') : ['github', 'stripe', 'kubernetes']
const corpus = `${root}.corpus/`
const outRoot = `${root}bench/.out/generate/`

const missing = ids.filter((id) => !existsSync(`${corpus}${id}.json`))
if (missing.length > 0) {
  const r = spawnSync('bash', [`${root}corpus/fetch-corpus.sh`, corpus, '--only', missing.join(',')], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(1)
}

interface Sample {
  ms: number
  rssMiB: number
}

/** Runs a command under /usr/bin/time -f %M: wall time from here, peak RSS (KiB) of the child tree's largest process. */
function measure(argv: string[]): Sample {
  const start = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: root })
  const ms = performance.now() - start
  const rss = /maxrss=(\d+)/.exec(r.stderr)
  if (r.status !== 0 || !rss) throw new Error(`${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  return { ms, rssMiB: Number(rss[1]) / 1024 }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const node = process.execPath
const tscBin = `${root}node_modules/typescript/bin/tsc`

const dist = `${root}bench/.out/dist/`
if (!values.bin) {
  rmSync(dist, { recursive: true, force: true })
  const built = spawnSync(node, [tscBin, '-p', `${root}generator/tsconfig.build.json`, '--outDir', dist, '--declaration', 'false', '--sourceMap', 'false'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(1)
}
const gatehouseCli = values.bin ? `${root}generator/bin/gatehouse.js` : `${dist}cli/main.js`
console.log(`gatehouse: ${gatehouseCli.slice(root.length)}; openapi-typescript: node_modules/openapi-typescript/bin/cli.js`)

const results: string[] = []
for (const id of ids) {
  const spec = `${corpus}${id}.json`
  const ours = `${outRoot}${id}/gatehouse/`
  const theirs = `${outRoot}${id}/openapi-typescript/`
  rmSync(`${outRoot}${id}`, { recursive: true, force: true })
  mkdirSync(theirs, { recursive: true })
  const gatehouse = [node, gatehouseCli, 'generate', spec, '--out', ours]
  const ots = [node, `${root}node_modules/openapi-typescript/bin/cli.js`, spec, '-o', `${theirs}types.ts`]
  // One untimed run each: tsx's transform cache and the OS file cache are warm for both sides.
  measure(gatehouse)
  measure(ots)
  const a: Sample[] = []
  const b: Sample[] = []
  for (let i = 0; i < runs; i++) {
    // Alternate the order so neither side always runs on a hotter machine.
    if (i % 2 === 0) {
      rmSync(ours, { recursive: true, force: true })
      a.push(measure(gatehouse))
      b.push(measure(ots))
    } else {
      b.push(measure(ots))
      rmSync(ours, { recursive: true, force: true })
      a.push(measure(gatehouse))
    }
  }
  const [ta, tb] = [median(a.map((s) => s.ms)), median(b.map((s) => s.ms))]
  const [ma, mb] = [median(a.map((s) => s.rssMiB)), median(b.map((s) => s.rssMiB))]
  let line = `${id.padEnd(11)} generate ${fmt(ta)} vs openapi-typescript ${fmt(tb)} (${(ta / tb).toFixed(2)}×)  peak RSS ${ma.toFixed(0)} MiB vs ${mb.toFixed(0)} MiB (${(ma / mb).toFixed(2)}×)`
  console.log(line)

  if (!values['no-tsc']) {
    const model = await loadModel(spec)
    const calls = model.operations.filter((o) => o.method === 'get' && !Object.values(o.parameters).some((ps) => ps.some((p) => p.required))).slice(0, 3)
    writeFileSync(
      `${theirs}client.ts`,
      [
        `import createClient from 'openapi-fetch'`,
        `import type { paths } from './types.js'`,
        `const client = createClient<paths>({ baseUrl: 'https://api.example.com' })`,
        `export async function calls() {`,
        ...calls.map((o, i) => `  const r${i} = await client.GET(${JSON.stringify(o.path)})\n  if (r${i}.data) console.log(r${i}.data)`),
        `}`,
        '',
      ].join('\n'),
    )
    const pkg = (name: string) => `${root}packages/${name}/src/index.ts`
    const tsconfig = (dir: string) => {
      const file = `${dir}tsconfig.json`
      const paths = { '@gatehouse/server': [pkg('server')], '@gatehouse/client': [pkg('client')], '@gatehouse/http-auth': [pkg('http-auth')] }
      writeFileSync(file, JSON.stringify({ extends: `${root}tsconfig.base.json`, compilerOptions: { noEmit: true, types: ['node'], paths }, include: ['*.ts'] }))
      return [node, tscBin, '-p', file]
    }
    const [ca, cb] = [tsconfig(ours), tsconfig(theirs)]
    const ta2: Sample[] = []
    const tb2: Sample[] = []
    for (let i = 0; i < Math.min(runs, 3); i++) {
      if (i % 2 === 0) ta2.push(measure(ca)), tb2.push(measure(cb))
      else tb2.push(measure(cb)), ta2.push(measure(ca))
    }
    const [x, y] = [median(ta2.map((s) => s.ms)), median(tb2.map((s) => s.ms))]
    const [mx, my] = [median(ta2.map((s) => s.rssMiB)), median(tb2.map((s) => s.rssMiB))]
    const tscLine = `${''.padEnd(11)} tsc      ${fmt(x)} vs ${fmt(y)} (${(x / y).toFixed(2)}×)  peak RSS ${mx.toFixed(0)} MiB vs ${my.toFixed(0)} MiB; baseline calls: ${calls.map((o) => o.path).join(', ')}`
    console.log(tscLine)
    line += '\n' + tscLine
    if (values.breakdown) {
      for (const set of [['types', 'security'], ['types', 'security', 'schemas'], ['types', 'security', 'schemas', 'client'], ['types', 'security', 'schemas', 'server']]) {
        const dir = `${outRoot}${id}/subset-${set.join('-')}/`
        mkdirSync(dir, { recursive: true })
        for (const f of set) copyFileSync(`${ours}${f}.ts`, `${dir}${f}.ts`)
        const [cmd, ...args] = tsconfig(dir)
        const r = spawnSync(cmd!, [...args, '--extendedDiagnostics'], { encoding: 'utf8', cwd: root })
        const pick = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(r.stdout)?.[1] ?? '?'
        const subset = `${''.padEnd(11)}   ${set.join('+').padEnd(32)} check ${pick('Check time')}  total ${pick('Total time')}  instantiations ${pick('Instantiations')}${r.status === 0 ? '' : '  (errors)'}`
        console.log(subset)
        line += '\n' + subset
      }
    }
  }
  results.push(line)
}
console.log(`\nmedians of ${runs} alternated runs (tsc: ${Math.min(runs, 3)}), node ${process.version}`)
