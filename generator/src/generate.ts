import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
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
  /** Runs after the model is built and after each emitter but the last (the CLI may collect garbage there). */
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
  const order = [...emitters].sort((a, b) => Number(a.mutatesDocument === true) - Number(b.mutatesDocument === true))
  // Each file is compared, and staged when it changed, as soon as it is emitted, so that no emitter's
  // peak stacks on the output of the others (on Microsoft Graph the files are 59 MB of text). The
  // result then reads a file's content back from disk when asked. Check mode writes nothing and
  // keeps the contents.
  const staging = resolved.check ? undefined : new Staging(resolved.out)
  const emitted = new Map<string, GeneratedFile>()
  const stale = new Set<string>()
  try {
    for (const emitter of order) {
      const content = await emitter.emit(model, resolved)
      const target = join(resolved.out, emitter.file)
      if ((await readFile(target, 'utf8').catch(() => undefined)) !== content) {
        stale.add(emitter.file)
        await staging?.write(emitter.file, content)
      }
      emitted.set(emitter.file, staging ? readBack(emitter.file, target) : { path: emitter.file, content })
      if (emitter !== order[order.length - 1]) hooks.betweenStages?.()
    }
    const files = emitters.map((e) => emitted.get(e.file)!)
    const stalePaths = files.map((f) => f.path).filter((path) => stale.has(path))
    const changed = stalePaths.map((path) => join(resolved.out, path))
    const written = staging ? await staging.commit(stalePaths) : []
    return { files, written, changed, model, sources: loaded.files, options: resolved }
  } catch (error) {
    if (!(error instanceof StagingError)) throw error
    const cause = error.cause as NodeJS.ErrnoException
    throw new GatehouseError('unwritable-output', `cannot write the output: ${REASONS[cause.code ?? ''] ?? cause.message}`, { file: shortPath(cause.path ?? resolved.out) }, { cause })
  } finally {
    await staging?.discard()
  }
}

/** A generated file whose content is read from `file` on first access, once it is in place. */
function readBack(path: string, file: string): GeneratedFile {
  let content: string | undefined
  return {
    path,
    get content() {
      return (content ??= readFileSync(file, 'utf8'))
    },
  }
}

/** A failure to write the output (the filesystem's error is its `cause`). */
class StagingError extends Error {}

/**
 * Changed files are written into a temporary directory beside `out`, then renamed into place
 * together: a failure while writing leaves the previous output untouched, and readers never
 * see a half-written file.
 */
class Staging {
  private dir: string | undefined
  constructor(private readonly out: string) {}

  /** Writes one file into the staging directory, created on first use. */
  async write(path: string, content: string): Promise<void> {
    try {
      if (this.dir === undefined) {
        await mkdir(dirname(this.out), { recursive: true })
        const dir = `${this.out}.gatehouse-${process.pid}-${randomBytes(4).toString('hex')}.tmp`
        await mkdir(dir)
        this.dir = dir
      }
      await mkdir(dirname(join(this.dir, path)), { recursive: true })
      await writeFile(join(this.dir, path), content)
    } catch (error) {
      throw new StagingError('write', { cause: error })
    }
  }

  /** Moves the staged `paths` into `out`; returns their final paths. */
  async commit(paths: string[]): Promise<string[]> {
    if (this.dir === undefined) return []
    try {
      await mkdir(this.out, { recursive: true })
      for (const path of paths) await rename(join(this.dir, path), join(this.out, path))
      return paths.map((path) => join(this.out, path))
    } catch (error) {
      throw new StagingError('rename', { cause: error })
    }
  }

  /** Removes the staging directory, whatever happened. */
  async discard(): Promise<void> {
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true })
  }
}
