// multipart/form-data request bodies (RFC 7578). The body is already bounded by `maxBodySize` when it
// gets here. Parsed by busboy where `node:stream` exists (it keeps every part's Content-Type), else by
// the platform's `Response.formData()`; then each part is checked against its `encoding` and JSON
// parts are decoded, so the schema sees the object the client sent.
import type { OperationDefinition } from '../definition.js'
import { pointerOf, type Issue } from '../issues.js'
import { essence, matchMediaType } from '../media.js'
import { problemOut, type Outgoing } from '../outgoing.js'
import { loadBusboy, readWithBusboy } from './busboy.js'
import { readWithFormData } from './form-data.js'
import type { Part } from './parts.js'

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

/**
 * The fields of a multipart body (string, `File` or decoded JSON values, repeated names as arrays)
 * with the pointers of the parts already reported as issues, or the answer to send.
 */
export type MultipartOutcome = { ok: true; fields: Record<string, unknown>; reported: readonly string[] } | { ok: false; out: Outgoing }

// RFC 2046 §5.1.1: boundary := 0*69<bchars> bcharsnospace, possibly quoted in the header.
const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([0-9A-Za-z'()+_,\-./:=?]{1,70}))\s*(?:;|$)/i

const malformed = (detail: string): MultipartOutcome => ({ ok: false, out: problemOut(400, { detail }) })

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))

/**
 * The parts the body opens, counted as busboy sees them (RFC 2046 §5.1.1): a delimiter
 * (`CRLF--boundary`, or `--boundary` at the very start) followed by CRLF opens a part, one followed
 * by `--` closes the body. Any other delimiter would end a part mid-content and busboy would drop
 * what follows it: `'stray'`. Counting stops past `stopAfter`; Node's native `Buffer#indexOf` searches.
 */
function countParts(body: Buffer, boundary: string, stopAfter: number): number | 'stray' {
  const dash = `--${boundary}`
  const delimiter = `\r\n${dash}`
  const afterNext = (from: number) => {
    const at = body.indexOf(delimiter, from)
    return at === -1 ? -1 : at + delimiter.length
  }
  let count = 0
  let after = body.toString('latin1', 0, dash.length) === dash ? dash.length : afterNext(0)
  // A body cut short after a delimiter is left to the parser, which says so.
  while (after !== -1 && after + 2 <= body.length && count <= stopAfter) {
    if (body[after] === 0x2d && body[after + 1] === 0x2d) break
    if (body[after] !== 0x0d || body[after + 1] !== 0x0a) return 'stray'
    count++
    after = afterNext(after)
  }
  return count
}

/**
 * Parses a multipart/form-data body (RFC 7578) into plain fields: 400 for a missing boundary, a body
 * that does not parse or a part that is not `form-data` with a name; 413 past `maxParts` or
 * `maxFileSize`; an issue per part whose type is not one its `encoding` `contentType` allows, and per
 * JSON part (by `encoding` or OpenAPI's default for objects) that is not valid JSON.
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
  const tooMany = (): MultipartOutcome => ({ ok: false, out: problemOut(413, { detail: limits.development ? `The body has more than ${limits.maxParts} parts.` : undefined }) })
  const busboy = await loadBusboy()
  let opened = -1
  let read
  if (busboy) {
    const body = asBuffer(bytes)
    const counted = countParts(body, boundary[1] ?? boundary[2]!, limits.maxParts)
    if (counted === 'stray') return malformed('The multipart body is malformed: a boundary delimiter inside a part is followed by neither CRLF nor "--".')
    if (counted > limits.maxParts) return tooMany()
    opened = counted
    read = await readWithBusboy(busboy, body, contentType, limits)
  } else {
    read = await readWithFormData(bytes, contentType, limits)
  }
  if (!read.ok) return read.status === 413 ? { ok: false, out: problemOut(413, { detail: limits.development ? read.detail : undefined }) } : malformed(read.detail)
  if (read.parts.length > limits.maxParts) return tooMany()
  // busboy skips a part without `Content-Disposition: form-data` silently; nothing is dropped here.
  if (read.parts.length < opened) return malformed('The multipart body has a part without a Content-Disposition: form-data header.')
  return decodeParts(op, matched, read.parts, issues)
}

async function decodeParts(op: OperationDefinition, matched: string, parts: readonly Part[], issues: Issue[]): Promise<MultipartOutcome> {
  const partTypes = op.body?.partTypes?.[matched]
  const json = op.body?.jsonParts?.[matched]
  const byName = new Map<string, Part[]>()
  for (const part of parts) {
    const same = byName.get(part.name)
    if (same) same.push(part)
    else byName.set(part.name, [part])
  }
  // A Map turned into an object: `__proto__`, `constructor` or `toString` are ordinary field names.
  const fields = new Map<string, unknown>()
  const reported: string[] = []
  for (const [name, same] of byName) {
    const declared = partTypes && Object.hasOwn(partTypes, name) ? partTypes[name] : undefined
    const allowed = declared?.split(',').map((t) => t.trim()).filter((t) => t !== '')
    const isJson = json?.includes(name) === true
    const values: unknown[] = []
    for (let i = 0; i < same.length; i++) {
      const { value, type } = same[i]!
      const pointer = pointerOf('body', same.length > 1 ? [name, i] : [name])
      const fail = (reason: string) => {
        issues.push({ name: same.length > 1 ? `${name}[${i}]` : name, reason, in: 'body', pointer })
        reported.push(pointer)
        values.push(value)
      }
      if (allowed && type !== undefined && !matchMediaType(essence(type), allowed)) {
        fail(`must be ${allowed.join(' or ')}`)
        continue
      }
      if (!isJson) {
        values.push(value)
        continue
      }
      try {
        values.push(JSON.parse(typeof value === 'string' ? value : await value.text()))
      } catch {
        fail('is not valid JSON')
      }
    }
    fields.set(name, values.length === 1 ? values[0] : values)
  }
  return { ok: true, fields: Object.fromEntries(fields), reported }
}
