import { buildModel } from '../../generator/src/model/build.js'
import { loadDocumentFromText } from '../../generator/src/load/index.js'
import type { ApiModel } from '../../generator/src/model/types.js'

/** Builds the model of an in-memory document (JSON text is valid input for the loader). */
export async function modelOf(doc: Record<string, unknown>, version = '3.1.0'): Promise<ApiModel> {
  const full = { openapi: version, info: { title: 'test', version: '1' }, paths: {}, ...doc }
  return buildModel(await loadDocumentFromText(JSON.stringify(full, null, 2), 'inline.json'))
}

/** One GET operation at `/x` with the given extra fields, plus a 200 response. */
export function oneOperation(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { '/x': { get: { operationId: 'getX', responses: { '200': { description: 'ok' } }, ...fields } } }
}

/** The fixture directory of generator tests. */
export const fixtures = new URL('../fixtures/generator/', import.meta.url)
