// The multipart reader where busboy cannot load (no `node:stream`: workers, browsers): the platform's
// own `Response.formData()` (Fetch standard). It gives text parts as strings without their
// Content-Type, so their `encoding` contentType cannot be checked there (docs/internals.md).
import { fileTooLarge, type Part, type ReadOutcome, type ReaderLimits } from './parts.js'

/** Reads the whole (already bounded) body with `Response.formData()`; text parts have an unknown type. */
export async function readWithFormData(body: Uint8Array, contentType: string, limits: ReaderLimits): Promise<ReadOutcome> {
  let form: FormData
  try {
    form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData()
  } catch {
    return { ok: false, status: 400, detail: 'The multipart body is malformed.' }
  }
  const parts: Part[] = []
  for (const [name, value] of form) {
    if (typeof value !== 'string' && value.size > limits.maxFileSize) return fileTooLarge(name, limits.maxFileSize)
    // RFC 7578 §4.4: a part without a Content-Type is text/plain.
    parts.push({ name, value, type: typeof value === 'string' ? undefined : value.type || 'text/plain' })
  }
  return { ok: true, parts }
}
