// `npm run bench -- generate [--runs N] [--only github,msgraph] [--no-tsc] [--bin] [--breakdown]`: full
// `gatehouse generate` (every output file) against the openapi-typescript CLI alone on GitHub, Stripe
// and Kubernetes (default) or the --only ids of corpus/manifest.json (msgraph, the stress tier, is
// fetched on demand), alternated, medians of N runs (default 5) with the [min–max] of the per-pair
// ratios: wall time and peak RSS (/usr/bin/time). Then tsc --noEmit, under TypeScript 5.9 and 7
// (devDependency alias `typescript7`), of (a) all our generated files and (b) the client-side files
// written by `--target client` plus the same three calls through our client, each against
// openapi-typescript's types.ts plus a three-call openapi-fetch file. Prints; asserts nothing.
// The generated files import @gatehouse/* as a user project does: through node_modules to the
// packages' built declarations (the bench builds them first), never their sources.
// The client-side set is what `--target client` writes (types, security, client, query, index): tsc
// compiles every file its `include` matches, imported or not.
// gatehouse runs as it ships: the generator compiled by tsc (into bench/.out/dist-<ids>), run by plain node,
// like the published package's dist/. `--bin` measures generator/bin/gatehouse.js instead.
// `--breakdown` adds one tsc run per growing subset of our files (types+security, +schemas, +client,
// +query, +server) to show where tsc time goes.
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
  // --with-stress: the stress tier (Microsoft Graph) is fetched only when asked for by --only.
  const r = spawnSync('bash', [`${root}corpus/fetch-corpus.sh`, corpus, '--with-stress', '--only', missing.join(',')], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(1)
}

interface Sample {
  ms: number
  /** User + system CPU time of the child: steadier than wall time on a shared machine. */
  cpuMs: number
  rssMiB: number
}

/** Runs a command under /usr/bin/time -f %M: wall time from here, peak RSS (KiB) of the child tree's largest process. */
function measure(argv: string[]): Sample {
  const start = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: root })
  const ms = performance.now() - start
  const rss = /maxrss=(\d+) cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr)
  if (r.status !== 0 || !rss) throw new Error(`${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  return { ms, cpuMs: (Number(rss[2]) + Number(rss[3])) * 1000, rssMiB: Number(rss[1]) / 1024 }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const node = process.execPath
const tscBin = `${root}node_modules/typescript/bin/tsc`
// TypeScript 7 (the native compiler) as the devDependency alias `typescript7`.
const tscBins: [string, string][] = [['5.9', tscBin], ['7', `${root}node_modules/typescript7/bin/tsc`]]

// One build per set of ids, so two bench runs on different specs do not rebuild under each other.
const dist = `${root}bench/.out/dist-${ids.join('-')}/`
if (!values.bin) {
  rmSync(dist, { recursive: true, force: true })
  const built = spawnSync(node, [tscBin, '-p', `${root}generator/tsconfig.build.json`, '--outDir', dist, '--declaration', 'false', '--sourceMap', 'false'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(1)
}
if (!values['no-tsc']) {
  // The runtime packages' declarations, which the generated files import (see `tsconfig` below).
  const built = spawnSync('npm', ['run', 'build', '-w', '@gatehouse/http-auth', '-w', '@gatehouse/client', '-w', '@gatehouse/server'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
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
  const pairs = (f: (s: Sample) => number) => {
    const r = a.map((s, i) => f(s) / f(b[i]!))
    return `${median(r).toFixed(2)}× [${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}]`
  }
  let line = `${id.padEnd(11)} generate ${fmt(ta)} vs openapi-typescript ${fmt(tb)} (${pairs((s) => s.ms)}; CPU ${pairs((s) => s.cpuMs)})  peak RSS ${ma.toFixed(0)} MiB vs ${mb.toFixed(0)} MiB (${pairs((s) => s.rssMiB)})`
  console.log(line)

  if (!values['no-tsc']) {
    const model = await loadModel(spec)
    const calls = model.operations.filter((o) => o.method === 'get' && !Object.values(o.parameters).some((ps) => ps.some((p) => p.required))).slice(0, 3)
    const callsFile = (lines: string[], use: (i: number) => string, ok: string) =>
      [...lines, `export async function calls() {`, ...calls.map((_, i) => `  const r${i} = await ${use(i)}\n  if (r${i}.${ok}) console.log(r${i}.data)`), `}`, ''].join('\n')
    writeFileSync(
      `${theirs}calls.ts`,
      callsFile([`import createClient from 'openapi-fetch'`, `import type { paths } from './types.js'`, `const client = createClient<paths>({ baseUrl: 'https://api.example.com' })`], (i) => `client.GET(${JSON.stringify(calls[i]!.path)})`, 'data'),
    )
    // The same three calls through our generated client, for the client-side subset.
    const clientCalls = callsFile([`import { createClient } from './client.js'`, `const api = createClient({ baseUrl: 'https://api.example.com', auth: {} })`], (i) => `api.${calls[i]!.name}()`, 'ok')
    // As in a user's project: `@gatehouse/*` resolve through node_modules to the packages' built
    // declarations (package.json `exports` → dist/*.d.ts, built above), not to their sources,
    // which tsc would check function body by function body.
    const tsconfig = (dir: string) => {
      const file = `${dir}tsconfig.json`
      writeFileSync(file, JSON.stringify({ extends: `${root}tsconfig.base.json`, compilerOptions: { noEmit: true, types: ['node'] }, include: ['*.ts'] }))
      return file
    }
    const subset = (name: string, files: string[], extra?: string) => {
      const dir = `${outRoot}${id}/${name}/`
      mkdirSync(dir, { recursive: true })
      for (const f of files) copyFileSync(`${ours}${f}.ts`, `${dir}${f}.ts`)
      if (extra) writeFileSync(`${dir}calls.ts`, extra)
      return tsconfig(dir)
    }
    const all = tsconfig(ours)
    const clientDir = `${outRoot}${id}/client-side/`
    rmSync(clientDir, { recursive: true, force: true })
    const target = spawnSync(node, [gatehouseCli, 'generate', spec, '--out', clientDir, '--target', 'client'], { encoding: 'utf8' })
    if (target.status !== 0) throw new Error(`gatehouse generate --target client failed:\n${target.stderr}`)
    writeFileSync(`${clientDir}calls.ts`, clientCalls)
    const clientSide = tsconfig(clientDir)
    const baseline = tsconfig(theirs)
    for (const [label, bin] of tscBins) {
      for (const [what, config] of [['all files', all], ['client-side + 3 calls', clientSide]] as const) {
        const ta2: Sample[] = []
        const tb2: Sample[] = []
        for (let i = 0; i < runs; i++) {
          const [a, b] = [[node, bin, '-p', config], [node, bin, '-p', baseline]]
          if (i % 2 === 0) ta2.push(measure(a)), tb2.push(measure(b))
          else tb2.push(measure(b)), ta2.push(measure(a))
        }
        // CPU time, not wall time: tsc is single-threaded (5.9) and the machine is shared.
        const [x, y] = [median(ta2.map((s) => s.cpuMs)), median(tb2.map((s) => s.cpuMs))]
        const ratios = ta2.map((s, i) => s.cpuMs / tb2[i]!.cpuMs)
        const tscLine = `${''.padEnd(11)} tsc ${label.padEnd(6)} ${what.padEnd(22)} ${fmt(x)} vs ${fmt(y)} CPU (${(median(ratios)).toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}])  peak RSS ${median(ta2.map((s) => s.rssMiB)).toFixed(0)} MiB vs ${median(tb2.map((s) => s.rssMiB)).toFixed(0)} MiB`
        console.log(tscLine)
        line += '\n' + tscLine
      }
    }
    console.log(`${''.padEnd(11)} baseline: openapi-typescript types.ts + openapi-fetch GET of ${calls.map((o) => o.path).join(', ')}`)
    if (values.breakdown) {
      for (const set of [['types', 'security'], ['types', 'security', 'schemas'], ['types', 'security', 'client'], ['types', 'security', 'client', 'query'], ['types', 'security', 'schemas', 'server']]) {
        const config = subset(`subset-${set.join('-')}`, set)
        const r = spawnSync(node, [tscBin, '-p', config, '--extendedDiagnostics'], { encoding: 'utf8', cwd: root })
        const pick = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(r.stdout)?.[1] ?? '?'
        const row = `${''.padEnd(11)}   ${set.join('+').padEnd(32)} check ${pick('Check time')}  total ${pick('Total time')}  instantiations ${pick('Instantiations')}${r.status === 0 ? '' : '  (errors)'}`
        console.log(row)
        line += '\n' + row
      }
    }
  }
  results.push(line)
}
console.log(`\nmedians of ${runs} alternated runs, [min–max] of the per-pair ratios, node ${process.version}`)
