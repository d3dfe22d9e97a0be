// The multipart reader for runtimes with `node:stream` (Node, Bun, Deno): busboy, which keeps every
// part's Content-Type (the Fetch standard's `formData()` drops it for text parts, so a JSON part
// would be indistinguishable from text). busboy is imported on the first multipart request only.
import type { Readable } from 'node:stream'
import type { FieldInfo, FileInfo } from 'busboy'
import { fileTooLarge, type Part, type ReadOutcome, type ReaderLimits } from './parts.js'

/** busboy's factory (its default export). */
export type BusboyFactory = typeof import('busboy')

/** What the loader needs from its surroundings (injected by tests). */
export interface BusboySources {
  /** `import('busboy')`. */
  load(): Promise<unknown>
  /** Node's `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno): the probe for `node:stream`. */
  builtin: ((id: string) => unknown) | undefined
  /** Where a `require` would resolve from (this module's URL). */
  from: string
}

const factoryOf = (module: unknown): BusboyFactory => ((module as { default?: BusboyFactory }).default ?? (module as BusboyFactory))

/**
 * busboy, or undefined where `node:stream` does not exist (workers, browsers), where the caller
 * reads with `Response.formData()`. With `node:stream` present, busboy must load: a bundle whose
 * CommonJS shim cannot `require` Node built-ins (esbuild's ESM output) is retried with Node's own
 * `require`; if that fails too, the error says how to fix the bundle, rather than the server
 * quietly dropping the check of text parts' types.
 */
export async function loadBusboyFrom(sources: BusboySources): Promise<BusboyFactory | undefined> {
  let failure: unknown
  try {
    return factoryOf(await sources.load())
  } catch (error) {
    failure = error
  }
  if (sources.builtin?.('node:stream') === undefined) return undefined
  try {
    const { createRequire } = sources.builtin('node:module') as typeof import('node:module')
    return factoryOf(createRequire(sources.from)('busboy'))
  } catch {
    throw new Error(
      'gatehouse: busboy (a dependency of @gatehouse/server, used for multipart/form-data) could not be loaded although this runtime has node:stream. ' +
        'If the server is bundled, mark busboy as external or give the bundle a working require (esbuild ESM: a createRequire banner).',
      { cause: failure },
    )
  }
}

let loading: Promise<BusboyFactory | undefined> | undefined

/** busboy, loaded once on the first multipart request (see {@link loadBusboyFrom}). */
export function loadBusboy(): Promise<BusboyFactory | undefined> {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  loading ??= loadBusboyFrom({ load: () => import('busboy'), builtin: process?.getBuiltinModule?.bind(process), from: import.meta.url })
  return loading
}

const MALFORMED: Readonly<Record<string, string>> = {
  'Malformed part header': 'The multipart body is malformed: a part header does not parse.',
  'Unexpected end of form': 'The multipart body is malformed: it ends before its closing delimiter.',
  'Unexpected end of file': 'The multipart body is malformed: it ends inside a file part.',
}

/**
 * Reads the whole (already bounded) body with busboy. Text parts come with their media type
 * (`text/plain` when they carry none); file parts become `File`s.
 */
export function readWithBusboy(busboy: BusboyFactory, body: Buffer, contentType: string, limits: ReaderLimits): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    const parts: (Part | undefined)[] = []
    let failure: ReadOutcome | undefined
    let pending = 1
    const fail = (outcome: ReadOutcome) => (failure ??= outcome)
    const settle = () => {
      if (--pending > 0) return
      if (failure) return resolve(failure)
      resolve({ ok: true, parts: parts as Part[] })
    }
    const unnamed = () => fail({ ok: false, status: 400, detail: 'The multipart body has a part without a name in its Content-Disposition header.' })
    let parser: ReturnType<BusboyFactory>
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        // RFC 7578 §4.2: names and filenames are UTF-8 (busboy's default is latin1).
        defParamCharset: 'utf8',
        // Text parts are never truncated (the body is bounded already); a file one byte over the limit trips it.
        limits: { fieldSize: Infinity, fileSize: limits.maxFileSize + 1 },
      })
    } catch {
      return resolve({ ok: false, status: 400, detail: 'The multipart body has no valid boundary parameter.' })
    }
    parser.on('field', (name: string | undefined, value: string, info: FieldInfo) => {
      if (name === undefined) return unnamed()
      parts.push({ name, value, type: info.mimeType })
    })
    parser.on('file', (name: string | undefined, stream: Readable, info: FileInfo) => {
      pending++
      const index = parts.push(undefined) - 1
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => fail(fileTooLarge(name ?? '', limits.maxFileSize)))
      stream.on('error', (error: Error) => fail({ ok: false, status: 400, detail: MALFORMED[error.message] ?? 'The multipart body is malformed.' }))
      stream.on('end', () => {
        if (name === undefined) return unnamed()
        parts[index] = { name, value: new File(chunks as Uint8Array<ArrayBuffer>[], info.filename ?? 'blob', { type: info.mimeType }), type: info.mimeType }
      })
      stream.on('close', settle)
    })
    parser.on('error', (error: Error) => fail({ ok: false, status: 400, detail: MALFORMED[error.message] ?? 'The multipart body is malformed.' }))
    parser.on('close', settle)
    parser.end(body)
  })
}
