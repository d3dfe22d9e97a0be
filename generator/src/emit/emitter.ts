import type { ApiModel } from '../model/types.js'
import type { ResolvedOptions } from '../options.js'

/** One generated file: emitters read only the model (and options), never the raw document. */
export interface Emitter {
  /** File name inside the output directory, e.g. `schemas.ts`. */
  file: string
  emit(model: ApiModel, options: ResolvedOptions): string | Promise<string>
}
