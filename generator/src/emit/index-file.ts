import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'
import { quote } from './lib/index.js'

/** The sibling files `index.ts` re-exports; their export names are chosen not to collide (docs/internals.md). */
export const REEXPORTED = ['types', 'schemas', 'security', 'server', 'client'] as const

/** `index.ts`: re-exports every other generated file. Frontends should import `client.ts` directly to keep zod out. */
export const indexEmitter: Emitter = {
  file: 'index.ts',
  emit: (_model, options) => generatedHeader(options.specName) + REEXPORTED.map((name) => `export * from ${quote(`./${name}.js`)}\n`).join(''),
}
