// Response validation, loaded by the first success of a client created with `validate`
// (its own chunk): the others never download it.
// RequestError is handed over by the caller, not imported: an import would split errors.ts, a first-load
// module, into a chunk of its own shared with this one.
import type { RequestError } from '../errors.js'
import type { ResponseSchemas } from '../validate.js'
import type { AnyResult } from './build.js'

/**
 * Checks a success body against the spec's schema for its status and media type (exact
 * status, else `2XX`, else `default`), rejecting with `RequestError` code `invalid-response`
 * on mismatch. A development aid: it costs a parse per response.
 */
export async function validateResult(schemas: ResponseSchemas, operation: string, result: AnyResult, Failure: typeof RequestError): Promise<void> {
  const responses = schemas.operationSchemas[operation]?.responses
  const byType = responses?.[result.status] ?? responses?.[`${String(result.status)[0]}XX`] ?? responses?.default
  // A stream (events, JSON lines) is read by the caller as it arrives; there is nothing to check up front.
  if (!byType || (typeof result.data === 'object' && result.data !== null && Symbol.asyncIterator in result.data)) return
  const type = result.response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
  const schema = byType[type] ?? Object.values(byType)[0]
  const checked = schema?.safeParse(result.data)
  if (checked && !checked.success) throw new Failure('invalid-response', operation, checked.error)
}
