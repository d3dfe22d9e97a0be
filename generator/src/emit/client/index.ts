import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'

export const clientEmitter: Emitter = {
  file: 'client.ts',
  emit: (_model, options) => generatedHeader(options.specName) + 'export {}\n',
}
