import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'
import { emitClient } from './emit-client.js'

/** `client.ts`: the typed client (imports `@gatehouse/client`, `./security.js`, types from `./types.js`; never zod nor `./schemas.js`). */
export const clientEmitter: Emitter = {
  file: 'client.ts',
  targets: ['client'],
  emit: (model, options) => generatedHeader(options.specName) + emitClient(model),
}
