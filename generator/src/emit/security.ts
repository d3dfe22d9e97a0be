import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'

export const securityEmitter: Emitter = {
  file: 'security.ts',
  emit: (_model, options) => generatedHeader(options.specName) + 'export {}\n',
}
