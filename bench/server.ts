// `npm run bench -- server [seconds] [rounds]`: requests/s over loopback for an authenticated,
// scope-checked, body-validated POST /articles (spec/articles.yaml) served by
//   gatehouse   the generated server through toNodeHandler on node:http,
//   bare        node:http echoing the JSON body with no checks at all,
//   eov         Express 5 + express.json() + express-openapi-validator (requests and security validated).
// Each server runs alone in its own process; autocannon runs here. Rounds alternate the servers.
// Servers run from an esbuild bundle of the sources, like compiled code: tsx wraps every function
// it creates in a naming helper, a per-closure cost that compiled packages do not pay.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

interface LoadOptions {
  url: string
  method: string
  headers: Record<string, string>
  body: string
  connections: number
  duration: number
}
interface LoadResult {
  requests: { average: number; total: number }
  non2xx: number
  errors: number
}
// autocannon ships no types; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: LoadOptions) => Promise<LoadResult>

const TOKEN = 'mary-token'
const BODY = JSON.stringify({ title: 'Hello', body: 'A short article body', status: 'draft', tags: ['news', 'bench'] })
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const principals = new Map([[TOKEN, { subject: 'mary', scopes: ['articles:read', 'articles:write'] }]])

type Kind = 'gatehouse' | 'bare' | 'eov'

async function gatehouse() {
  const { toNodeHandler } = await import('@gatehouse/server')
  const { createServer: createApi } = await import('../test/generated/articles/server.js')
  const app = createApi({
    authenticate: { oauth2: (token) => principals.get(token), bearerAuth: () => undefined },
    handlers: {
      authorize: (_, reply) => reply.invalidGrant(),
      listArticles: (_, reply) => reply.ok({ items: [] }),
      createArticle: ({ body }, reply) => reply.created(body),
      getArticle: (_, reply) => reply.hidden(),
      deleteArticle: (_, reply) => reply.noContent(),
    },
  })
  return createServer(toNodeHandler(app))
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

async function eov(spec: string) {
  const express = (await import('express')).default
  const OpenApiValidator = await import('express-openapi-validator')
  const app = express()
  app.use(express.json())
  app.use(
    OpenApiValidator.middleware({
      apiSpec: spec,
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

async function serve(kind: Kind, spec: string) {
  const server = kind === 'gatehouse' ? await gatehouse() : kind === 'bare' ? bare() : await eov(spec)
  // Exit cleanly on SIGTERM so `node --cpu-prof` can write its profile.
  process.on('SIGTERM', () => process.exit(0))
  // The parent asks for the CPU time spent so far, to report requests per CPU-second.
  process.on('message', () => {
    const { user, system } = process.cpuUsage()
    process.send!((user + system) / 1e6)
  })
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
    external: ['express', 'express-openapi-validator', 'esbuild'],
    logLevel: 'error',
  })
  return outfile
}

function start(server: string, kind: Kind): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [server, '--serve', kind, `${ROOT}spec/articles.yaml`], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)))
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: `http://127.0.0.1:${String(d).trim()}/articles` }))
  })
}

function cpuSeconds(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(Number(m)))
    child.send('cpu')
  })
}

async function load(url: string, seconds: number): Promise<{ rps: number; total: number; non2xx: number; errors: number }> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: BODY,
    connections: 32,
    duration: seconds,
  })
  return { rps: result.requests.average, total: result.requests.total, non2xx: result.non2xx, errors: result.errors }
}

async function main() {
  const seconds = Number(process.argv[2] ?? 5)
  const rounds = Number(process.argv[3] ?? 3)
  const kinds: Kind[] = ['gatehouse', 'bare', 'eov']
  const results: Record<Kind, number[]> = { gatehouse: [], bare: [], eov: [] }
  // Requests per CPU-second of the server process: steadier than req/s on a shared machine.
  const perCpu: Record<Kind, number[]> = { gatehouse: [], bare: [], eov: [] }
  const server = await bundle()
  console.log(`POST /articles, bearer token + articles:write + JSON body validation; ${rounds} rounds × ${seconds} s, 32 connections`)
  for (let round = 1; round <= rounds; round++) {
    // Alternate the order so no server always runs on a warmer or cooler machine.
    const order = round % 2 === 1 ? kinds : [...kinds].reverse()
    for (const kind of order) {
      const { child, url } = await start(server, kind)
      try {
        await load(url, 3) // warm-up (JIT, lazy module loading, connection pools)
        const before = await cpuSeconds(child)
        const r = await load(url, seconds)
        const cpu = (await cpuSeconds(child)) - before
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`${kind}: ${r.non2xx} non-2xx responses, ${r.errors} errors`)
        results[kind].push(r.rps)
        perCpu[kind].push(r.total / cpu)
        console.log(`  round ${round} ${kind.padEnd(9)} ${Math.round(r.rps)} req/s  (${Math.round(r.total / cpu)} req per server CPU-second)`)
      } finally {
        child.removeAllListeners('exit')
        child.kill()
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const m = { gatehouse: median(results.gatehouse), bare: median(results.bare), eov: median(results.eov) }
  const c = { gatehouse: median(perCpu.gatehouse), bare: median(perCpu.bare), eov: median(perCpu.eov) }
  console.log('\nmedian          req/s   req per server CPU-second')
  for (const kind of kinds) console.log(`  ${kind.padEnd(9)} ${String(Math.round(m[kind])).padStart(9)}   ${String(Math.round(c[kind])).padStart(9)}`)
  console.log(`\ngatehouse / bare = ${(m.gatehouse / m.bare).toFixed(2)}× req/s, ${(c.gatehouse / c.bare).toFixed(2)}× per CPU-second (target ≥ 0.8×)`)
  console.log(`gatehouse / express-openapi-validator = ${(m.gatehouse / m.eov).toFixed(2)}× req/s, ${(c.gatehouse / c.eov).toFixed(2)}× per CPU-second (target ≥ 2×)`)
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as Kind, process.argv[4]!)
else await main()
