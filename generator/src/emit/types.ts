import { createConfig, type Config } from '@redocly/openapi-core'
import openapiTS, { astToString } from 'openapi-typescript'
import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'

let config: Promise<Config> | undefined

/**
 * openapi-typescript lints with its own "minimal" rule set unless given a config; the model
 * has already validated what we rely on, so an empty rule set saves a full lint pass.
 */
function quietConfig(): Promise<Config> {
  config ??= createConfig({ extends: [], rules: {} })
  return config
}

/**
 * `types.ts`: openapi-typescript's output (`paths`, `components`, `operations`) through its
 * Node API, fed the already-bundled document so external refs are not resolved twice.
 */
export const typesEmitter: Emitter = {
  file: 'types.ts',
  async emit(model, options) {
    // A JSON string, not the object: openapi-typescript mutates the schemas it is given (it adds
    // discriminator enums), and other emitters read the same objects. It would stringify an object anyway.
    const ast = await openapiTS(JSON.stringify(model.document), { redocly: await quietConfig(), silent: true })
    return generatedHeader(options.specName) + '\n' + astToString(ast)
  },
}
