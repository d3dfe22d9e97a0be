// `npm run bench -- multipart [--seconds N] [--rounds N] [--unpinned]`: a 1 MB multipart upload (POST /uploads of
// spec/uploads.yaml: a 1,000,000-byte image/png file part, a caption, a count, a boolean and two
// tags, bearer token) served by
//   gatehouse  the generated server through toNodeHandler on node:http (busboy parsing,
//              part limits, encoding contentType check, zod validation with coercion),
//   multer     Express 5 + multer 2 (busboy) with memory storage and the same checks by hand
//              (bearer token, file present and PNG/JPEG, count an integer, public a boolean,
//              caption ≤ 200, tags an array), answering the same 201 JSON.
// As bench/server.ts does: servers in child processes from an esbuild bundle, the figure is requests
// per server CPU-second (process.cpuUsage() of the server), rounds alternate the order, and the
// ratio is taken within each round; the median and spread of the round ratios are printed; servers
// are pinned to one CPU and the load generator to the others (bench/lib/pinning.ts).
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { autocannon, cpuSeconds, reportCpuSeconds } from './lib/load.js'
import { pinBenchmark, spawnPinned, type Pinning } from './lib/pinning.js'

const TOKEN = 'bench-token'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FILE_SIZE = 1_000_000
const BOUNDARY = '----gatehouse-bench-boundary'
type Kind = 'gatehouse' | 'multer'

/** The one request both servers get, byte for byte. */
function uploadBody(): Buffer {
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  return Buffer.concat([
    Buffer.from(field('caption', 'a cat') + field('count', '3') + field('public', 'true') + field('tags', 'x') + field('tags', 'y')),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="pic.png"\r\nContent-Type: image/png\r\n\r\n`),
    Buffer.alloc(FILE_SIZE, 7),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}
const headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, authorization: `Bearer ${TOKEN}` }
const expected = { fileName: 'pic.png', fileType: 'image/png', size: FILE_SIZE, caption: 'a cat', count: 3, public: true, tags: ['x', 'y'] }

async function gatehouseHandler() {
  const { toNodeHandler } = await import('@gatehouse/server')
  const { createServer: createApi } = await import('../test/generated/uploads/server.js')
  const app = createApi({
    maxBodySize: 2 * 1024 * 1024,
    authenticate: {
      bearerAuth: (token) => (token === TOKEN ? { subject: 'bench', scopes: [] } : undefined),
      apiKey: () => undefined,
      clientBasic: () => undefined,
    },
    handlers: {
      upload: ({ body }, reply) => {
        const file = body.file as unknown as File
        return reply.created({ fileName: file.name, fileType: file.type, size: file.size, caption: body.caption, count: body.count, public: body.public, tags: body.tags })
      },
      token: (_, reply) => reply.invalidGrant(),
      createNote: ({ body }, reply) => reply.ok(body),
      getDocs: (_, reply) => reply.ok({}),
    },
  })
  return toNodeHandler(app)
}

async function multerHandler() {
  const { default: express } = await import('express')
  const { default: multer } = await import('multer')
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2 * 1024 * 1024, parts: 100 } }).single('file')
  const app = express()
  app.post('/uploads', (req, res, next) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.status(401).set('www-authenticate', 'Bearer realm="uploads"').json({ title: 'Unauthorized' })
      return
    }
    next()
  })
  app.post('/uploads', upload, (req, res) => {
    const body = req.body as Record<string, string | string[] | undefined>
    const file = req.file
    const invalid: string[] = []
    if (!file) invalid.push('file')
    else if (file.mimetype !== 'image/png' && file.mimetype !== 'image/jpeg') invalid.push('file')
    const count = typeof body.count === 'string' && /^-?\d+$/.test(body.count) ? Number(body.count) : undefined
    if (body.count !== undefined && (count === undefined || count < 0)) invalid.push('count')
    const flag = body.public === 'true' ? true : body.public === 'false' ? false : undefined
    if (body.public !== undefined && flag === undefined) invalid.push('public')
    if (body.caption !== undefined && (typeof body.caption !== 'string' || body.caption.length > 200)) invalid.push('caption')
    const tags = body.tags === undefined ? undefined : Array.isArray(body.tags) ? body.tags : [body.tags]
    if (invalid.length > 0) {
      res.status(400).json({ 'invalid-params': invalid.map((name) => ({ name })) })
      return
    }
    res.status(201).json({ fileName: file!.originalname, fileType: file!.mimetype, size: file!.size, caption: body.caption, count, public: flag, tags })
  })
  return app
}

async function serve(kind: Kind): Promise<void> {
  const handler = kind === 'gatehouse' ? await gatehouseHandler() : await multerHandler()
  const server = createServer(handler)
  reportCpuSeconds()
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`))
}

async function bundle(): Promise<string> {
  const { build } = await import('esbuild')
  // Inside node_modules so the external packages resolve from the bundle's location; never committed.
  const outfile = `${ROOT}node_modules/.cache/gatehouse-bench/multipart.mjs`
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    tsconfig: `${ROOT}tsconfig.json`,
    // busboy stays a package import: esbuild's ESM output cannot require() the Node built-ins it uses.
    external: ['express', 'multer', 'busboy', 'esbuild', 'autocannon'],
    logLevel: 'error',
  })
  return outfile
}

function start(server: string, kind: Kind, pin: Pinning | undefined): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnPinned([process.execPath, server, '--serve', kind], pin, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)))
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: `http://127.0.0.1:${String(d).trim()}/uploads` }))
  })
}

/** Requests per server CPU-second during one burst; throws unless every response was the 201. */
async function measure(kind: Kind, child: ChildProcess, url: string, body: Buffer, seconds: number): Promise<number> {
  const before = await cpuSeconds(child)
  const r = await autocannon({ url, method: 'POST', headers, body, connections: 8, duration: seconds })
  const cpu = (await cpuSeconds(child)) - before
  const other = Object.entries(r.statusCodeStats).filter(([code]) => code !== '201')
  if (other.length > 0 || r.errors > 0) throw new Error(`${kind}: ${JSON.stringify(other)} other statuses, ${r.errors} errors`)
  return r.requests.total / cpu
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' }, rounds: { type: 'string', default: '7' }, unpinned: { type: 'boolean' } } })
  const seconds = Number(values.seconds)
  const rounds = Number(values.rounds)
  const body = uploadBody()
  const server = await bundle()
  const { pin, describe: placement } = pinBenchmark(values.unpinned === true)
  const running = { gatehouse: await start(server, 'gatehouse', pin), multer: await start(server, 'multer', pin) }
  try {
    for (const kind of ['gatehouse', 'multer'] as const) {
      // Both answer the same request with the same JSON; then a warm-up burst (JIT, pools).
      const res = await fetch(running[kind].url, { method: 'POST', headers, body: new Uint8Array(body) })
      const json: unknown = await res.json()
      if (res.status !== 201 || JSON.stringify(json) !== JSON.stringify(expected)) throw new Error(`${kind}: ${res.status} ${JSON.stringify(json)}`)
      await autocannon({ url: running[kind].url, method: 'POST', headers, body, connections: 8, duration: 1 })
    }
    console.log(`POST /uploads, ${(body.length / 1e6).toFixed(2)} MB multipart body (1 MB file), ${rounds} alternated rounds × ${seconds} s, 8 connections; requests per server CPU-second; ${placement}`)
    const rates: Record<Kind, number[]> = { gatehouse: [], multer: [] }
    const ratios: number[] = []
    for (let round = 1; round <= rounds; round++) {
      for (const kind of round % 2 === 1 ? (['gatehouse', 'multer'] as const) : (['multer', 'gatehouse'] as const)) {
        rates[kind].push(await measure(kind, running[kind].child, running[kind].url, body, seconds))
      }
      ratios.push(rates.gatehouse.at(-1)! / rates.multer.at(-1)!)
      console.log(`  round ${round}: gatehouse ${Math.round(rates.gatehouse.at(-1)!)}  multer ${Math.round(rates.multer.at(-1)!)}  ratio ${ratios.at(-1)!.toFixed(2)}`)
    }
    const spread = `[${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`
    console.log(`gatehouse / multer  ${median(ratios).toFixed(2)}× ${spread}   medians ${Math.round(median(rates.gatehouse))} vs ${Math.round(median(rates.multer))} requests per CPU-second`)
  } finally {
    running.gatehouse.child.kill()
    running.multer.child.kill()
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as Kind)
else await main()
