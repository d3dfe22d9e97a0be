import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'

export const indexEmitter: Emitter = {
  file: 'index.ts',
  emit: (_model, options) => generatedHeader(options.specName) + 'export {}\n',
}
