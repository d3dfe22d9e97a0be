import type { PartEncodings } from './multipart.js'

/** A request body ready to send, and whether it can be sent a second time byte for byte. */
export interface PreparedBody {
  body: BodyInit | undefined
  replayable: boolean
}

/**
 * Serializes `value` for the operation's request media type (JSON by default,
 * form-urlencoded, multipart, text) and buffers it, so a replay after a refresh
 * or a retry sends the same bytes (a `FormData` keeps its boundary). Sets
 * `content-type` unless the caller did. Only a `ReadableStream` is sent as is
 * and marked not replayable: it can be read once. `value` is never undefined (no body: no call).
 */
export async function prepareBody(value: unknown, mediaType: string | undefined, headers: Record<string, string>, parts?: PartEncodings): Promise<PreparedBody> {
  const type = headers['content-type'] ?? mediaType ?? 'application/json'
  // A string, or plain data for a JSON media type, is the common case; every other body
  // (binary, streams, forms, multipart) is encoded by encode.ts, a chunk of its own.
  const plain = typeof value !== 'object' || value === null || Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value))
  if (typeof value !== 'string' && !(plain && /[/+]json\b/.test(type))) return (await import('./encode.js')).encodeBody(value, type, mediaType, headers, parts)
  headers['content-type'] ??= type
  return { body: typeof value === 'string' ? value : JSON.stringify(value), replayable: true }
}
