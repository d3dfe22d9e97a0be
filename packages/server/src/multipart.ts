// multipart/form-data request bodies (RFC 7578), parsed by the platform's own `Response.formData()`
// (Fetch standard; undici in Node, native in Bun, Deno and workers): no dependency, the same
// parser wherever the app runs. The body is already bounded by `maxBodySize` when it gets here.
import type { OperationDefinition } from './definition.js'
import { pointerOf, type Issue } from './issues.js'
import { essence, fieldsToObject, matchMediaType } from './media.js'
import { problemOut, type Outgoing } from './outgoing.js'

/** Limits on a multipart body beyond `maxBodySize`; exceeding one is a 413. */
export interface MultipartLimits {
  /** Most parts (fields and files together) accepted (default 100). */
  maxParts?: number | undefined
  /** Largest accepted file part in bytes (default: `maxBodySize`). */
  maxFileSize?: number | undefined
}

/** Resolved limits, derived once per app. */
export interface ResolvedMultipartLimits {
  maxParts: number
  maxFileSize: number
  development: boolean
}

/** The fields of a multipart body (string or `File` values, repeated names as arrays), or the answer to send. */
export type MultipartOutcome = { ok: true; fields: Record<string, unknown> } | { ok: false; out: Outgoing }

// RFC 2046 §5.1.1: boundary := 0*69<bchars> bcharsnospace, possibly quoted in the header.
const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([0-9A-Za-z'()+_,\-./:=?]{1,70}))\s*(?:;|$)/i

const malformed = (detail: string): MultipartOutcome => ({ ok: false, out: problemOut(400, { detail }) })

/** Parts of `bytes` found by a quick scan for the delimiter (Node's native `Buffer#indexOf`), or -1 elsewhere. */
function countDelimiters(bytes: Uint8Array, boundary: string, stopAfter: number): number {
  if (typeof Buffer === 'undefined') return -1
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const delimiter = `--${boundary}`
  let count = 0
  for (let at = buffer.indexOf(delimiter); at !== -1 && count <= stopAfter; at = buffer.indexOf(delimiter, at + delimiter.length)) count++
  // The closing delimiter is not a part.
  return count - 1
}

/**
 * Parses a multipart/form-data body (RFC 7578) into plain fields: 400 for a missing boundary or a
 * body that does not parse, 413 past `maxParts` or `maxFileSize`, and an issue per file part whose
 * type is not one its `encoding` `contentType` allows (RFC 7578 §4.4: no type means
 * `application/octet-stream`).
 */
export async function parseMultipart(
  op: OperationDefinition,
  matched: string,
  contentType: string,
  bytes: Uint8Array,
  limits: ResolvedMultipartLimits,
  issues: Issue[],
): Promise<MultipartOutcome> {
  const boundary = BOUNDARY.exec(contentType)
  if (!boundary) return malformed('The multipart body has no valid boundary parameter.')
  const tooMany = () => ({ ok: false as const, out: problemOut(413, { detail: limits.development ? `The body has more than ${limits.maxParts} parts.` : undefined }) })
  if (countDelimiters(bytes, boundary[1] ?? boundary[2]!, limits.maxParts) > limits.maxParts) return tooMany()
  let form: FormData
  try {
    form = await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData()
  } catch {
    return malformed('The multipart body is malformed.')
  }
  let parts = 0
  for (const [name, value] of form) {
    if (++parts > limits.maxParts) return tooMany()
    if (typeof value !== 'string' && value.size > limits.maxFileSize) {
      return { ok: false, out: problemOut(413, { detail: limits.development ? `The part ${name} is larger than ${limits.maxFileSize} bytes.` : undefined }) }
    }
  }
  const partTypes = op.body?.partTypes?.[matched]
  if (partTypes) checkPartTypes(form, partTypes, issues)
  return { ok: true, fields: fieldsToObject(form) }
}

function checkPartTypes(form: FormData, partTypes: Readonly<Record<string, string>>, issues: Issue[]): void {
  for (const [field, declared] of Object.entries(partTypes)) {
    const allowed = declared.split(',').map((t) => t.trim()).filter((t) => t !== '')
    for (const value of form.getAll(field)) {
      if (typeof value === 'string') continue
      const type = essence(value.type) || 'application/octet-stream'
      if (!matchMediaType(type, allowed)) issues.push({ name: field, reason: `must be ${allowed.join(' or ')}`, in: 'body', pointer: pointerOf('body', [field]) })
    }
  }
}
