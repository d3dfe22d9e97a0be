// Per-request overhead of the generated client on the success path, against
// openapi-fetch's `client.GET` and bare `fetch` + `res.json()`. The transport is
// a fake `fetch` that builds a fresh Response from prebuilt bytes, so what is
// measured is the client's own work. Variants alternate within one process;
// each figure is the median over rounds of CPU time per request, and each ratio is taken within a round (then its median
// and spread, min–max, over rounds). It runs from an esbuild bundle, like compiled code: tsx wraps
// every function it creates in a naming helper, a per-closure cost a published package does not pay.
// Run: `npm run bench -- client` (env ROUNDS, CALLS, ONLY=gatehouse to leave openapi-fetch out).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import createFetchClient from 'openapi-fetch'
import { createClient } from '../test/generated/articles/client.js'
import type { paths } from '../test/generated/articles/types.js'

const ROUNDS = Number(process.env.ROUNDS ?? 9)
const CALLS = Number(process.env.CALLS ?? 20_000)
const REWARM_CALLS = 2_000
const baseUrl = 'http://127.0.0.1:8080'
const body = JSON.stringify({ id: 'a1', title: 'Hello', body: 'World', status: 'published', tags: ['x', 'y'], owner: 'mary', createdAt: '2026-01-01T00:00:00Z' })
const responseInit = { status: 200, headers: { 'content-type': 'application/json' } }

// Both argument shapes: openapi-fetch passes a Request, the others (url, init).
const fakeFetch = async (_input: string | Request, _init?: RequestInit): Promise<Response> => new Response(body, responseInit)

const api = createClient({ baseUrl, auth: { oauth2: 'token-123' }, fetch: fakeFetch })
const ofetch = createFetchClient<paths>({ baseUrl, fetch: fakeFetch, headers: { authorization: 'Bearer token-123' } })

const variants: Record<string, (i: number) => Promise<unknown>> = {
  'bare fetch + res.json()': async (i) => {
    const res = await fakeFetch(`${baseUrl}/articles/${encodeURIComponent(`a${i & 7}`)}`, { method: 'GET', headers: { authorization: 'Bearer token-123' } })
    return res.json()
  },
  'openapi-fetch client.GET': async (i) => (await ofetch.GET('/articles/{id}', { params: { path: { id: `a${i & 7}` } } })).data,
  'gatehouse api.getArticle': async (i) => {
    const r = await api.getArticle({ params: { path: { id: `a${i & 7}` } } })
    return r.ok ? r.data : undefined
  },
}

// CPU time of this process (all its threads, the garbage collector's included), not wall-clock time:
// on a shared machine the wall clock also counts the time other processes held the CPU.
async function time(run: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  for (let i = 0; i < CALLS; i++) await run(i)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / CALLS
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

async function main() {
  // ONLY=gatehouse,openapi-fetch keeps bare plus the variants whose names start with those words.
  const only = process.env.ONLY?.split(',')
  const names = Object.keys(variants).filter((n, i) => i === 0 || !only || only.some((o) => n.startsWith(o)))
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (const n of names) await time(variants[n]!) // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order so no variant always runs right after a GC-heavy one.
    for (let k = 0; k < names.length; k++) {
      const n = names[(round + k) % names.length]!
      // A clean heap for each variant. The forced full collection also makes V8 discard optimized
      // code that holds objects it just freed: each variant's hot functions (and undici's) are then
      // compiled again, on a background thread whose CPU time this process is charged for. The
      // collections of a running process do not do that (with `--trace-opt`, gatehouse's exchange was
      // optimized once over 5 rounds without the forced collection, 6 times with it), so the variant
      // warms up again, untimed, and the compiler gets time to finish before the round is timed.
      ;(globalThis as { gc?: () => void }).gc?.()
      for (let i = 0; i < REWARM_CALLS; i++) await variants[n]!(i)
      await new Promise((done) => setTimeout(done, 150))
      samples[n]!.push(await time(variants[n]!))
    }
  }
  const bare = samples[names[0]!]!
  console.log(`client bench: ${ROUNDS} rounds × ${CALLS} calls, median CPU µs per request; ratio to bare within each round, median [min–max] (Node ${process.version})`)
  for (const n of names) {
    const ratios = samples[n]!.map((x, i) => x / bare[i]!)
    const spread = `[${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`
    console.log(`  ${n.padEnd(28)} ${median(samples[n]!).toFixed(2).padStart(7)} µs   ${median(ratios).toFixed(2)}× bare ${spread}`)
  }
}

if (process.argv[2] === '--bundled') await main()
else {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const { build } = await import('esbuild')
  // Inside node_modules so openapi-fetch resolves from the bundle's location; never committed.
  const outfile = `${root}node_modules/.cache/gatehouse-bench/client.mjs`
  await build({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, tsconfig: `${root}tsconfig.json`, external: ['esbuild'], logLevel: 'error' })
  const r = spawnSync(process.execPath, ['--expose-gc', outfile, '--bundled'], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
