import type { ApiModel } from '../model/types.js'
import type { ResolvedOptions, Target } from '../options.js'

/** The targets an emitter can belong to; `all` is every emitter, so it is never listed. */
export type EmitterTarget = Exclude<Target, 'all'>

/** One generated file: emitters read only the model (and options), never the raw document. */
export interface Emitter {
  /** File name inside the output directory, e.g. `schemas.ts`. */
  file: string
  /**
   * The `--target`s that write this file. A `client` file must not import zod or
   * `@gatehouse/server`, statically or lazily: a frontend installs neither.
   */
  targets: readonly EmitterTarget[]
  emit(model: ApiModel, options: ResolvedOptions): string | Promise<string>
  /**
   * Set when the emitter hands `model.document` to a library that changes it in place
   * (openapi-typescript adds discriminator enums): it then runs after every other emitter,
   * which saves copying a large document.
   */
  mutatesDocument?: boolean
}
