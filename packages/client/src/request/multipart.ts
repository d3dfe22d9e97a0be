// multipart/form-data from the same typed object a generated server hands its handler
// (RFC 7578; OpenAPI 3.1 §4.8.15 "Encoding Object" for each part's Content-Type).

/** Per property, the part Content-Type the spec's `encoding` declares (when it declares one). */
export type PartEncodings = Readonly<Record<string, string>>

const CRLF = '\r\n'

/** A `name`/`filename` value as the HTML form encoding escapes it (CR, LF and `"` percent-encoded). */
function quoted(value: string): string {
  return '"' + value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22') + '"'
}

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !(value instanceof Blob) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)

/**
 * The parts of one property. The defaults are OpenAPI's: a `Blob` (a `File` is one) is a file
 * part with its own type (`application/octet-stream` when it has none) and name; a plain
 * object is `application/json`; a primitive is `text/plain`; an array is one part per item
 * (each by these rules) unless the encoding asks for JSON. A declared `contentType` wins for
 * non-file values.
 */
function partsOf(name: string, value: unknown, declared: string | undefined, out: BlobPart[]): void {
  if (value === undefined || value === null) return
  if (Array.isArray(value) && !(declared && /json/i.test(declared))) {
    for (const item of value) partsOf(name, item, declared, out)
    return
  }
  let disposition = `Content-Disposition: form-data; name=${quoted(name)}`
  let type: string | undefined
  let content: BlobPart
  if (value instanceof Blob) {
    const filename = typeof File !== 'undefined' && value instanceof File ? value.name : 'blob'
    disposition += `; filename=${quoted(filename)}`
    type = value.type || declared?.split(',')[0]?.trim() || 'application/octet-stream'
    content = value
  } else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    disposition += `; filename=${quoted('blob')}`
    type = declared?.split(',')[0]?.trim() || 'application/octet-stream'
    content = value as ArrayBuffer
  } else if (isPlainObject(value) || Array.isArray(value)) {
    type = declared ?? 'application/json'
    content = JSON.stringify(value)
  } else {
    // text/plain is a part's default type (RFC 7578 §4.4): no header unless the spec says otherwise.
    type = declared && !declared.startsWith('text/plain') ? declared : undefined
    content = String(value)
  }
  out.push(disposition + CRLF + (type ? `Content-Type: ${type}${CRLF}` : '') + CRLF, content, CRLF)
}

/**
 * Encodes `value` (an object of fields) as multipart/form-data. Built by hand rather than with
 * `FormData`, which cannot give a non-file part (a JSON object field) its own Content-Type.
 * @returns the body and the Content-Type with its boundary.
 */
export function encodeMultipart(value: Record<string, unknown>, encodings: PartEncodings | undefined): { body: Blob; contentType: string } {
  // getRandomValues, not randomUUID: the latter exists only in secure contexts (https) in browsers.
  const boundary = '----gatehouse' + Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')
  const parts: BlobPart[] = []
  for (const name of Object.keys(value)) {
    const fieldParts: BlobPart[] = []
    partsOf(name, value[name], encodings?.[name], fieldParts)
    for (let i = 0; i < fieldParts.length; i += 3) parts.push(`--${boundary}${CRLF}`, fieldParts[i]!, fieldParts[i + 1]!, fieldParts[i + 2]!)
  }
  parts.push(`--${boundary}--${CRLF}`)
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}
