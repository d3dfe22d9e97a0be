export type * from './model/types.js'
export { emitters, type Emitter } from './emit/index.js'
export { resolveOptions, type GenerateOptions, type ResolvedOptions } from './options.js'
