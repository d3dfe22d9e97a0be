import type { Target } from '../options.js'
import { clientEmitter } from './client/index.js'
import type { Emitter } from './emitter.js'
import { indexEmitter } from './index-file.js'
import { schemasEmitter } from './schemas/index.js'
import { queryEmitter } from './query/index.js'
import { securityEmitter } from './security.js'
import { serverEmitter } from './server/index.js'
import { typesEmitter } from './types.js'

export type { Emitter, EmitterTarget } from './emitter.js'

/**
 * Every output file, in the order they are written; each declares its targets. A new emitter
 * goes here (before `indexEmitter`, which re-exports the files written before it).
 */
export const emitters: readonly Emitter[] = [
  typesEmitter,
  schemasEmitter,
  securityEmitter,
  serverEmitter,
  clientEmitter,
  queryEmitter,
  indexEmitter,
]

/** The emitters `--target` selects, in registry order: `all` is every one. */
export function emittersFor(target: Target): Emitter[] {
  return emitters.filter((e) => target === 'all' || e.targets.includes(target))
}
