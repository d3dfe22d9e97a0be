import { basename, resolve } from 'node:path'
import { GatehouseError } from './errors.js'

/** Options of `gatehouse generate`, as a caller writes them; `resolveOptions` fills in the rest. */
export interface GenerateOptions {
  /** Path of the OpenAPI document (JSON or YAML). */
  spec: string
  /** Output directory. */
  out: string
  /** Compare with the files on disk instead of writing. */
  check?: boolean
  watch?: boolean
  debug?: boolean
}

/** Every option with its default applied: the only shape the generator and emitters read. */
export interface ResolvedOptions {
  spec: string
  out: string
  check: boolean
  watch: boolean
  debug: boolean
  /** Base name of the spec file, used in the generated header. */
  specName: string
}

/** The defaults, in one place: the CLI, tests and the library all go through `resolveOptions`. */
export const DEFAULT_OPTIONS = { check: false, watch: false, debug: false } as const

/**
 * Applies defaults without mutating the caller's object.
 * @throws GatehouseError (`invalid-options`) when `spec` or `out` is missing.
 */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  if (!options.spec) throw new GatehouseError('invalid-options', 'missing the spec: gatehouse generate <spec> --out <dir>')
  if (!options.out) throw new GatehouseError('invalid-options', 'missing --out <dir>: gatehouse generate <spec> --out <dir>')
  return {
    spec: resolve(options.spec),
    out: resolve(options.out),
    check: options.check ?? DEFAULT_OPTIONS.check,
    watch: options.watch ?? DEFAULT_OPTIONS.watch,
    debug: options.debug ?? DEFAULT_OPTIONS.debug,
    specName: basename(options.spec),
  }
}
