// `npm run bench -- server [--seconds N] [--rounds N] [--eov] [--only valid,no-token,invalid,valid/bare] [--profile] [--unpinned]`: requests per server CPU-second over
// loopback on three paths of POST /articles (spec/articles.yaml, bearer token with articles:write):
//   valid     a valid JSON body                     → 201 echo
//   no-token  no Authorization header                → 401 with a Bearer challenge
//   invalid   a body with three errors               → 400 problem details
// served by
//   gatehouse  the generated server through toNodeHandler on node:http,
//   fastify    Fastify 5 with its ajv body validation (the Article schema of the same spec) and an
//              onRequest hook doing the same bearer + scope check,
//   bare       node:http echoing the JSON body with no checks at all (valid path only: the limit),
//   eov        (--eov) Express 5 + express.json() + express-openapi-validator, valid path only.
// The machine is shared, so the figure is requests per CPU-second of the server process (its own
// process.cpuUsage()), not wall-clock req/s. All servers stay up; a round is one burst on each side
// of a comparison, back to back (order alternating), and its ratio is taken within the round; the
// median and the spread (min–max) of the round ratios are printed. 11 rounds by default: one round's
// ratio ranges from about 0.5× to 1.3× on these machines, and medians of 7 rounds of the same
// comparison ranged 0.78–0.98× within one hour. Servers run from an esbuild bundle of the sources, like
// compiled code: tsx wraps every function it creates in a naming helper, a per-closure cost that
// compiled packages do not pay.
// Servers run pinned to one CPU and the load generator to the others (bench/lib/pinning.ts;
// `--unpinned` turns it off).
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { autocannon, cpuSeconds, reportCpuSeconds, type LoadResult } from './lib/load.js'
import { pinBenchmark, spawnPinned, type Pinning } from './lib/pinning.js'

const TOKEN = 'mary-token'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
// The servers run from a bundle elsewhere, so the spec's path comes as an argument there.
const SPEC = process.argv[2] === '--serve' ? process.argv[4]! : `${ROOT}spec/articles.yaml`
const principals = new Map([[TOKEN, { subject: 'mary', scopes: ['articles:read', 'articles:write'] }]])

interface Path {
  headers: Record<string, string>
  body: string
  status: number
}
const json = { 'content-type': 'application/json' }
const bearer = { ...json, authorization: `Bearer ${TOKEN}` }
const PATHS = {
  valid: { headers: bearer, body: JSON.stringify({ title: 'Hello', body: 'A short article body', status: 'draft', tags: ['news', 'bench'] }), status: 201 },
  'no-token': { headers: json, body: JSON.stringify({ title: 'Hello', body: 'A short article body' }), status: 401 },
  // Three faults: a wrong type, a value outside the enum, a missing required member.
  invalid: { headers: bearer, body: JSON.stringify({ title: 5, status: 'bogus', tags: ['news'] }), status: 400 },
} satisfies Record<string, Path>
type PathName = keyof typeof PATHS

type Kind = 'gatehouse' | 'fastify' | 'bare' | 'eov'
async function gatehouse() {
  const { toNodeHandler } = await import('@gatehouse/server')
  const { createServer: createApi } = await import('../test/generated/articles/server.js')
  const app = createApi({
    authenticate: { oauth2: (token) => principals.get(token), bearerAuth: () => undefined },
    handlers: {
      authorize: (_, reply) => reply.invalidGrant(),
      listArticles: (_, reply) => reply.ok({ items: [] }),
      createArticle: ({ body }, reply) => reply.created(body, { headers: { location: '/articles/bench' } }),
      getArticle: (_, reply) => reply.hidden(),
      deleteArticle: (_, reply) => reply.noContent(),
    },
  })
  return createServer(toNodeHandler(app))
}

/** The spec's Article schema with its one `$ref` inlined: what ajv gets inside Fastify. */
async function articleSchema(): Promise<object> {
  const { parse } = await import('yaml')
  const doc = parse(readFileSync(SPEC, 'utf8')) as { components: { schemas: Record<string, Record<string, unknown>> } }
  const { Article, ArticleStatus } = doc.components.schemas
  const properties = { ...(Article!.properties as Record<string, object>), status: { ...ArticleStatus, default: 'draft' } }
  return { ...Article, properties }
}

async function fastify() {
  const Fastify = (await import('fastify')).default
  const app = Fastify({ logger: false })
  const problem = (status: number, title: string) => JSON.stringify({ type: 'about:blank', title, status })
  app.addHook('onRequest', (request, reply, done) => {
    const header = request.headers.authorization
    const principal = header?.startsWith('Bearer ') ? principals.get(header.slice(7)) : undefined
    if (!principal) {
      void reply.code(401).header('www-authenticate', 'Bearer realm="articles"').type('application/problem+json').send(problem(401, 'Unauthorized'))
      return
    }
    if (!principal.scopes.includes('articles:write')) {
      void reply.code(403).header('www-authenticate', 'Bearer realm="articles", error="insufficient_scope", scope="articles:write"').type('application/problem+json').send(problem(403, 'Forbidden'))
      return
    }
    done()
  })
  app.post('/articles', { schema: { body: await articleSchema() } }, async (request, reply) => reply.code(201).send(request.body))
  await app.ready()
  return app.server
}

function bare() {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      res.statusCode = 201
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(body))
    })
  })
}

async function eov() {
  const express = (await import('express')).default
  const OpenApiValidator = await import('express-openapi-validator')
  const app = express()
  app.use(express.json())
  app.use(
    OpenApiValidator.middleware({
      apiSpec: SPEC,
      // It rejects the relative tokenUrl (allowed since OpenAPI 3.1), so skip its spec check.
      validateApiSpec: false,
      validateRequests: true,
      validateResponses: false,
      validateSecurity: {
        handlers: {
          oauth2: (req, scopes) => {
            const principal = principals.get(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))
            return principal !== undefined && scopes.every((s) => principal.scopes.includes(s))
          },
          bearerAuth: () => false,
        },
      },
    }),
  )
  app.post('/articles', (req, res) => void res.status(201).json(req.body))
  app.use((err: { status?: number; message: string }, _req: unknown, res: import('express').Response, _next: unknown) => {
    void _next
    res.status(err.status ?? 500).json({ message: err.message })
  })
  return createServer(app)
}

async function serve(kind: Kind) {
  const server = kind === 'gatehouse' ? await gatehouse() : kind === 'fastify' ? await fastify() : kind === 'bare' ? bare() : await eov()
  // Exit cleanly on SIGTERM so `node --cpu-prof` can write its profile.
  process.on('SIGTERM', () => process.exit(0))
  reportCpuSeconds()
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`))
}

async function bundle(): Promise<string> {
  const { build } = await import('esbuild')
  // Inside node_modules so the external packages resolve from the bundle's location; never committed.
  const outfile = `${ROOT}node_modules/.cache/gatehouse-bench/server.mjs`
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    tsconfig: `${ROOT}tsconfig.json`,
    external: ['express', 'express-openapi-validator', 'esbuild', 'fastify', 'yaml', 'autocannon'],
    logLevel: 'error',
  })
  return outfile
}

function start(server: string, kind: Kind, profile: boolean, pin: Pinning | undefined): Promise<{ child: ChildProcess; url: string }> {
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${ROOT}bench/.out/profiles`, `--cpu-prof-name=${kind}-${Date.now()}.cpuprofile`] : []
  const child = spawnPinned([process.execPath, ...flags, server, '--serve', kind, SPEC], pin, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)))
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: `http://127.0.0.1:${String(d).trim()}/articles` }))
  })
}

async function load(url: string, path: Path, seconds: number): Promise<LoadResult> {
  return autocannon({ url, method: 'POST', headers: path.headers, body: path.body, connections: 32, duration: seconds })
}

/** Checks that the server answers the path with its status, then warms it up (JIT, lazy loading, pools). */
async function prepare(kind: Kind, url: string, name: PathName): Promise<void> {
  const path = PATHS[name]
  const probe = await fetch(url, { method: 'POST', headers: path.headers, body: path.body })
  await probe.arrayBuffer()
  if (probe.status !== path.status) throw new Error(`${kind} ${name}: status ${probe.status}, expected ${path.status}`)
  await load(url, path, 1)
}

/** Requests per server CPU-second during one burst; throws unless every response had the path's status. */
async function measure(kind: Kind, child: ChildProcess, url: string, name: PathName, seconds: number): Promise<number> {
  const path = PATHS[name]
  const before = await cpuSeconds(child)
  const r = await load(url, path, seconds)
  const cpu = (await cpuSeconds(child)) - before
  const other = Object.entries(r.statusCodeStats).filter(([code]) => Number(code) !== path.status)
  if (other.length > 0 || r.errors > 0) throw new Error(`${kind} ${name}: ${JSON.stringify(other)} other statuses, ${r.errors} errors`)
  return r.requests.total / cpu
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const spread = (xs: number[]) => `[${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}]`

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' }, rounds: { type: 'string', default: '11' }, eov: { type: 'boolean' }, profile: { type: 'boolean' }, only: { type: 'string' }, unpinned: { type: 'boolean' } } })
  const seconds = Number(values.seconds)
  const rounds = Number(values.rounds)
  const kinds: Kind[] = values.eov ? ['gatehouse', 'fastify', 'bare', 'eov'] : ['gatehouse', 'fastify', 'bare']
  const server = await bundle()
  const { pin, describe: placement } = pinBenchmark(values.unpinned === true)
  console.log(`POST /articles, ${rounds} alternated rounds × ${seconds} s per server and path, 32 connections; requests per server CPU-second; ${placement}`)
  // Every server runs for the whole benchmark (idle ones use no CPU), so a round is two bursts
  // seconds apart: the pair sees nearly the same machine, whatever the other agents are doing.
  const servers = new Map<Kind, { child: ChildProcess; url: string }>()
  try {
    for (const kind of kinds) servers.set(kind, await start(server, kind, values.profile === true, pin))
    const all: [PathName, Kind, Kind, string][] = [
      ['valid', 'gatehouse', 'fastify', '≥ 1.0×'],
      ['no-token', 'gatehouse', 'fastify', '≥ 1.0×'],
      ['invalid', 'gatehouse', 'fastify', '≥ 1.0×'],
      ['valid', 'gatehouse', 'bare', '≥ 0.85×'],
      ...(values.eov ? [['valid', 'gatehouse', 'eov', ''] as [PathName, Kind, Kind, string]] : []),
    ]
    const comparisons = all.filter(([path, , b]) => !values.only || values.only.split(',').some((o) => o === path || o === `${path}/${b}`))
    for (const [path, a, b, target] of comparisons) {
      for (const kind of [a, b]) await prepare(kind, servers.get(kind)!.url, path)
      const rates: Record<string, number[]> = { [a]: [], [b]: [] }
      const ratios: number[] = []
      for (let round = 1; round <= rounds; round++) {
        // Alternate which side goes first.
        for (const kind of round % 2 === 1 ? [a, b] : [b, a]) {
          const { child, url } = servers.get(kind)!
          rates[kind]!.push(await measure(kind, child, url, path, seconds))
        }
        ratios.push(rates[a]![round - 1]! / rates[b]![round - 1]!)
      }
      const line = `  ${`${a} / ${b}`.padEnd(20)} ${path.padEnd(9)} ${median(ratios).toFixed(2)}× ${spread(ratios)}   medians ${Math.round(median(rates[a]!))} vs ${Math.round(median(rates[b]!))}${target ? `   (target ${target})` : ''}`
      console.log(line)
    }
  } finally {
    for (const { child } of servers.values()) {
      child.removeAllListeners('exit')
      child.kill('SIGTERM')
    }
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as Kind)
else await main()
