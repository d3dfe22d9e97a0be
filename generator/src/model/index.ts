import { loadDocument } from '../load/index.js'
import { buildModel } from './build.js'
import type { ApiModel } from './types.js'

export { buildModel } from './build.js'
export { credentialKind } from './credential.js'
export { deriveName, sanitizeName } from './names.js'
export type * from './types.js'
export { HTTP_METHODS } from './types.js'

/**
 * Loads, bundles and normalizes an OpenAPI 3.0/3.1 document.
 * @example const model = await loadModel('spec/articles.yaml')
 */
export async function loadModel(specPath: string): Promise<ApiModel> {
  return buildModel(await loadDocument(specPath))
}
