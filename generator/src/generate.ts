import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { GatehouseError } from './errors.js'
import { loadDocument } from './load/index.js'
import { shortPath } from './load/paths.js'
import { buildModel } from './model/build.js'
import type { ApiModel } from './model/types.js'
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from './options.js'

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file is in the way of a directory',
  ENOTDIR: 'a file is in the way of a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
}

/** One output file. `path` is relative to the output directory. */
export interface GeneratedFile {
  path: string
  content: string
}

/** What a generation produced and did. Paths in `written` and `changed` are absolute. */
export interface GenerateResult {
  files: GeneratedFile[]
  /** Files written to disk (only those whose content changed; none in check mode). */
  written: string[]
  /** Files whose content on disk differs from the generated one (missing files included). */
  changed: string[]
  /** The model the files were generated from; its `document` may have been changed by openapi-typescript. */
  model: ApiModel
  /** Every source file read (the spec first), for `--watch`. */
  sources: string[]
  options: ResolvedOptions
}

/** What a caller that owns the process may add to a generation. */
export interface GenerateHooks {
  /** Runs after the model is built and after each emitter (the CLI collects garbage there). */
  betweenStages?: () => void
}

/**
 * Loads the spec, runs the emitters of `options.target` and writes the output atomically; in check mode, writes nothing.
 * @throws GatehouseError on invalid input, before anything is written.
 */
export async function generate(options: GenerateOptions, hooks: GenerateHooks = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options)
  const loaded = await loadDocument(resolved.spec)
  const model = buildModel(loaded)
  hooks.betweenStages?.()
  // Imported only once the input is known to be valid: the emitters pull in openapi-typescript
  // and with it the TypeScript compiler, which would make every error report slow.
  const { emittersFor } = await import('./emit/index.js')
  // Only the target's files are generated, compared and written: another target's files already
  // in `out` (a frontend and a backend sharing a folder) are neither touched nor reported stale.
  const emitters = emittersFor(resolved.target)
  const contents = new Map<string, string>()
  const order = [...emitters].sort((a, b) => Number(a.mutatesDocument === true) - Number(b.mutatesDocument === true))
  for (const emitter of order) {
    contents.set(emitter.file, await emitter.emit(model, resolved))
    hooks.betweenStages?.()
  }
  const files: GeneratedFile[] = emitters.map((e) => ({ path: e.file, content: contents.get(e.file)! }))

  const changed: string[] = []
  for (const file of files) {
    const target = join(resolved.out, file.path)
    const current = await readFile(target, 'utf8').catch(() => undefined)
    if (current !== file.content) changed.push(target)
  }
  const written = resolved.check
    ? []
    : await writeAtomically(resolved.out, files, changed).catch((error: NodeJS.ErrnoException) => {
        throw new GatehouseError('unwritable-output', `cannot write the output: ${REASONS[error.code ?? ''] ?? error.message}`, { file: shortPath(error.path ?? resolved.out) }, { cause: error })
      })
  return { files, written, changed, model, sources: loaded.files, options: resolved }
}

/**
 * Writes every changed file into a temporary directory beside `out`, then renames each into
 * place: a failure while writing leaves the previous output untouched, and readers never see
 * a half-written file.
 */
async function writeAtomically(out: string, files: GeneratedFile[], changed: string[]): Promise<string[]> {
  if (changed.length === 0) return []
  await mkdir(dirname(out), { recursive: true })
  const staging = `${out}.gatehouse-${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  await mkdir(staging)
  try {
    const pending = files.filter((f) => changed.includes(join(out, f.path)))
    for (const file of pending) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true })
      await writeFile(join(staging, file.path), file.content)
    }
    await mkdir(out, { recursive: true })
    for (const file of pending) await rename(join(staging, file.path), join(out, file.path))
    return pending.map((f) => join(out, f.path))
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
