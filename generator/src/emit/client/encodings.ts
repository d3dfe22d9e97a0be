import type { Operation } from '../../model/types.js'

/** What `OperationEncoding` in @gatehouse/client holds for one operation; only what differs from the defaults. */
export interface EncodingData {
  body?: string
  query?: Record<string, [string, boolean]>
  /** multipart: the `encoding`'s part Content-Type per property, where declared. */
  parts?: Record<string, string>
}

const JSON_TYPE = /^application\/(.+\+)?json\b/

/**
 * The request encoding facts of an operation that `security.ts` does not carry:
 * a non-JSON request media type (the first one the spec lists, as openapi-fetch
 * would be told by hand) and query parameters whose `style`/`explode` are not
 * `form`/`true`. Empty for most operations, so the table stays small.
 */
export function encodingOf(op: Operation): EncodingData | undefined {
  const data: EncodingData = {}
  const first = op.requestBody?.content[0]
  const media = first?.type
  if (media !== undefined && !JSON_TYPE.test(media)) data.body = media
  if (first?.partTypes && media?.startsWith('multipart/')) data.parts = first.partTypes
  for (const p of op.parameters.query) {
    if (p.style !== 'form' || !p.explode) (data.query ??= {})[p.name] = [p.style, p.explode]
  }
  return data.body === undefined && data.query === undefined ? undefined : data
}
