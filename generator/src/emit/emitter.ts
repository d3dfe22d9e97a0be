import type { ApiModel } from '../model/types.js'
import type { ResolvedOptions } from '../options.js'

/** One generated file: emitters read only the model (and options), never the raw document. */
export interface Emitter {
  /** File name inside the output directory, e.g. `schemas.ts`. */
  file: string
  emit(model: ApiModel, options: ResolvedOptions): string | Promise<string>
  /**
   * Set when the emitter hands `model.document` to a library that changes it in place
   * (openapi-typescript adds discriminator enums): it then runs after every other emitter,
   * which saves copying a large document.
   */
  mutatesDocument?: boolean
}
