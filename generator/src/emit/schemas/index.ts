import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'

export const schemasEmitter: Emitter = {
  file: 'schemas.ts',
  emit: (_model, options) => generatedHeader(options.specName) + 'export {}\n',
}
