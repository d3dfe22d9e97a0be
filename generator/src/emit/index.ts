import { clientEmitter } from './client/index.js'
import type { Emitter } from './emitter.js'
import { indexEmitter } from './index-file.js'
import { schemasEmitter } from './schemas/index.js'
import { securityEmitter } from './security.js'
import { serverEmitter } from './server/index.js'
import { typesEmitter } from './types.js'

export type { Emitter } from './emitter.js'

/** Every output file, in the order they are written. */
export const emitters: readonly Emitter[] = [
  typesEmitter,
  schemasEmitter,
  securityEmitter,
  serverEmitter,
  clientEmitter,
  indexEmitter,
]
