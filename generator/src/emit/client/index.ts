import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'
import { emitClient } from './emit-client.js'

/** `client.ts`: the typed client (imports `@gatehouse/client`, `./security.js`, types from `./types.js`; zod only through `validate`). */
export const clientEmitter: Emitter = {
  file: 'client.ts',
  emit: (model, options) => generatedHeader(options.specName) + emitClient(model),
}
