/** Options of `gatehouse generate`, with their single source of defaults (`resolveOptions`). */
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

export interface ResolvedOptions {
  spec: string
  out: string
  check: boolean
  watch: boolean
  debug: boolean
  /** Base name of the spec file, used in the generated header. */
  specName: string
}

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const specName = options.spec.split(/[\\/]/).pop() ?? options.spec
  return {
    spec: options.spec,
    out: options.out,
    check: options.check ?? false,
    watch: options.watch ?? false,
    debug: options.debug ?? false,
    specName,
  }
}
