// Request bodies other than a string or JSON data, loaded with the first one (its own chunk).
import type { PreparedBody } from './body.js'
import type { PartEncodings } from './multipart.js'

/** `prepareBody` for binary data, streams, `Blob`/`FormData`/`URLSearchParams`, forms, multipart and text. */
export async function encodeBody(value: unknown, type: string, mediaType: string | undefined, headers: Record<string, string>, parts?: PartEncodings): Promise<PreparedBody> {
  if (value instanceof ReadableStream) {
    headers['content-type'] ??= mediaType ?? 'application/octet-stream'
    return { body: value, replayable: false }
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    if (mediaType) headers['content-type'] ??= mediaType
    return { body: value as BodyInit, replayable: true }
  }
  let body: BodyInit
  if (value instanceof Blob || value instanceof FormData || value instanceof URLSearchParams) body = value
  else if (/[/+]json\b/.test(type)) body = JSON.stringify(value)
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
