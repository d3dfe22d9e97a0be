import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'

export const typesEmitter: Emitter = {
  file: 'types.ts',
  emit: (_model, options) => generatedHeader(options.specName) + 'export {}\n',
}
