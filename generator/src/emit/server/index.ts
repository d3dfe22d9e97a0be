import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'

export const serverEmitter: Emitter = {
  file: 'server.ts',
  emit: (_model, options) => generatedHeader(options.specName) + 'export {}\n',
}
