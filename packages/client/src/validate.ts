import { RequestError } from './errors.js'
import type { AnyResult } from './result/build.js'

/** Loads the generated `schemas.ts` (a dynamic import, so bundles without `validate` never contain zod). */
export type SchemaLoader = () => Promise<unknown>

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: unknown }
}
type Schemas = { operationSchemas?: Record<string, { responses?: Record<string, Record<string, Schema>> }> }

/**
 * Checks a success body against the spec's zod schema for its status and media
 * type (exact status, else `2XX`, else `default`), rejecting with
 * `RequestError` code `invalid-response` on mismatch. A development aid: it
 * costs a parse per response.
 */
export async function validateResult(load: SchemaLoader, operation: string, result: AnyResult): Promise<void> {
  // The module system caches the import: no cache of our own, which could mix up two specs' clients.
  const schemas = (await load()) as Schemas
  const responses = schemas.operationSchemas?.[operation]?.responses
  const byType = responses?.[result.status] ?? responses?.[`${String(result.status)[0]}XX`] ?? responses?.default
  if (!byType) return
  const type = result.response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
  const schema = byType[type] ?? Object.values(byType)[0]
  const checked = schema?.safeParse(result.data)
  if (checked && !checked.success) throw new RequestError('invalid-response', operation, checked.error)
}
