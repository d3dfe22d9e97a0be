import type { PartEncodings } from './multipart.js'

/** A request body ready to send, and whether it can be sent a second time byte for byte. */
export interface PreparedBody {
  body: BodyInit | undefined
  replayable: boolean
}

const isJson = (mediaType: string) => /[/+]json\b/.test(mediaType)

/**
 * Serializes `value` for the operation's request media type (JSON by default,
 * form-urlencoded, multipart, text) and buffers it, so a replay after a refresh
 * or a retry sends the same bytes (a `FormData` keeps its boundary). Sets
 * `content-type` unless the caller did. Only a `ReadableStream` is sent as is
 * and marked not replayable: it can be read once.
 */
export async function prepareBody(value: unknown, mediaType: string | undefined, headers: Record<string, string>, parts?: PartEncodings): Promise<PreparedBody> {
  if (value === undefined) return { body: undefined, replayable: true }
  if (value instanceof ReadableStream) {
    headers['content-type'] ??= mediaType ?? 'application/octet-stream'
    return { body: value, replayable: false }
  }
  const type = headers['content-type'] ?? mediaType ?? 'application/json'
  let body: BodyInit
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    if (mediaType) headers['content-type'] ??= mediaType
    return { body: value as BodyInit, replayable: true }
  }
  if (typeof value === 'string') body = value
  else if (value instanceof Blob || value instanceof FormData || value instanceof URLSearchParams) body = value
  else if (isJson(type)) body = JSON.stringify(value)
  else if (type.startsWith('application/x-www-form-urlencoded')) body = new URLSearchParams(value as Record<string, string>)
  else if (type.startsWith('multipart/form-data')) {
    // Loaded with the first multipart body (its own chunk): pages that send none never download it.
    const encoded = (await import('./multipart.js')).encodeMultipart(value as Record<string, unknown>, parts)
    // The boundary is ours: the caller's Content-Type (without it) would make the body unreadable.
    headers['content-type'] = encoded.contentType
    body = encoded.body
  } else body = String(value)
  if (typeof body !== 'string') {
    // Let the platform encode it once (multipart boundary, charset, Blob type) and keep the bytes.
    const encoded = new Response(body)
    const ct = encoded.headers.get('content-type')
    // A multipart body is only readable with the boundary the encoder chose.
    if (ct && (body instanceof FormData || !headers['content-type'])) headers['content-type'] = ct
    body = await encoded.arrayBuffer()
  }
  headers['content-type'] ??= type
  return { body, replayable: true }
}
