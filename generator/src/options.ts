import { basename, resolve } from 'node:path'
import { GatehouseError } from './errors.js'

/**
 * Which end of the wire the output is for. `client` writes nothing that imports zod or
 * `@gatehouse/server` (a frontend installs neither); `server` writes no client.
 */
export type Target = 'all' | 'client' | 'server'

/** The accepted `--target` values, in the order the usage text names them. */
export const TARGETS: readonly Target[] = ['all', 'client', 'server']

/** Options of `gatehouse generate`, as a caller writes them; `resolveOptions` fills in the rest. */
export interface GenerateOptions {
  /** Path of the OpenAPI document (JSON or YAML). */
  spec: string
  /** Output directory. */
  out: string
  /** Compare with the files on disk instead of writing. */
  check?: boolean
  /** Which files to write (default `all`); files of the other target already in `out` are left alone. */
  target?: Target
  watch?: boolean
  debug?: boolean
}

/** Every option with its default applied: the only shape the generator and emitters read. */
export interface ResolvedOptions {
  spec: string
  out: string
  check: boolean
  target: Target
  watch: boolean
  debug: boolean
  /** Base name of the spec file, used in the generated header. */
  specName: string
}

/** The defaults, in one place: the CLI, tests and the library all go through `resolveOptions`. */
export const DEFAULT_OPTIONS = { check: false, target: 'all', watch: false, debug: false } as const satisfies Partial<ResolvedOptions>

/**
 * Applies defaults without mutating the caller's object.
 * @throws GatehouseError (`invalid-options`) when `spec` or `out` is missing, or `target` is not one of `TARGETS`.
 */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const target = options.target ?? DEFAULT_OPTIONS.target
  // A JavaScript caller or a config file can pass anything; the CLI's check is this one.
  if (!TARGETS.includes(target)) throw new GatehouseError('invalid-options', `unknown --target "${String(target)}": expected one of ${TARGETS.join(', ')}`)
  if (!options.spec) throw new GatehouseError('invalid-options', 'missing the spec: gatehouse generate <spec> --out <dir>')
  if (!options.out) throw new GatehouseError('invalid-options', 'missing --out <dir>: gatehouse generate <spec> --out <dir>')
  return {
    spec: resolve(options.spec),
    out: resolve(options.out),
    check: options.check ?? DEFAULT_OPTIONS.check,
    target,
    watch: options.watch ?? DEFAULT_OPTIONS.watch,
    debug: options.debug ?? DEFAULT_OPTIONS.debug,
    specName: basename(options.spec),
  }
}
