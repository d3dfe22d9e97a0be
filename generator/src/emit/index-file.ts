import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'
import { quote } from './lib/index.js'

/**
 * `index.ts`: re-exports the other files the target writes (and only those: a client-target
 * index that named `./schemas.js` would pull in zod). Their export names are chosen not to
 * collide (docs/internals.md). The sibling list comes from the registry at emit time, so a new
 * emitter is re-exported by registering it.
 */
export const indexEmitter: Emitter = {
  file: 'index.ts',
  targets: ['client', 'server'],
  emit: async (_model, options) => {
    // Imported at call time: the registry imports this module.
    const { emittersFor } = await import('./index.js')
    const siblings = emittersFor(options.target).filter((e) => e.file !== 'index.ts' && e.file.endsWith('.ts'))
    return generatedHeader(options.specName) + siblings.map((e) => `export * from ${quote(`./${e.file.replace(/\.ts$/, '.js')}`)}\n`).join('')
  },
}
