import type { OperationDefinition } from './definition.js'
import { BodyTooLargeError, type Incoming } from './incoming.js'
import { check, type Issue } from './issues.js'
import { essence, fieldsToObject, isJson, matchMediaType } from './media.js'
import { parseMultipart, type ResolvedMultipartLimits } from './multipart/index.js'
import { problemOut, type Outgoing } from './outgoing.js'

/** The parsed body, or the answer to send (400, 413, 415); validation issues are appended to `issues`. */
export type BodyOutcome = { ok: true; body: unknown } | { ok: false; out: Outgoing }

const NO_BODY: BodyOutcome = { ok: true, body: undefined }
const utf8 = new TextDecoder()

// Node's `toString()` without arguments decodes UTF-8 directly (no encoding lookup, no range checks).
// Whether there is a `Buffer` is looked up once: a `typeof` of a global is an IC call per request.
const NodeBuffer = typeof Buffer === 'undefined' ? undefined : Buffer
function textOf(bytes: Uint8Array): string {
  return NodeBuffer !== undefined && NodeBuffer.isBuffer(bytes) ? bytes.toString() : utf8.decode(bytes)
}

/**
 * Step 4 for the body: checks the media type against the declared ones (415), parses JSON
 * (400 when unparseable) or form data, and validates it with the operation's zod schema.
 * Synchronous when the adapter has the body already (node:http), a promise otherwise.
 */
export function readBody(op: OperationDefinition, incoming: Incoming, issues: Issue[], limits: ResolvedMultipartLimits): BodyOutcome | Promise<BodyOutcome> {
  if (!op.body) return NO_BODY
  let bytes: Uint8Array | undefined
  try {
    bytes = incoming.bodySync?.()
  } catch (error) {
    return tooLarge(error)
  }
  if (bytes !== undefined) return parseBody(op, incoming, bytes, issues, limits)
  return incoming.bytes().then((b) => parseBody(op, incoming, b, issues, limits), tooLarge)
}

function tooLarge(error: unknown): BodyOutcome {
  if (error instanceof BodyTooLargeError) return { ok: false, out: problemOut(413) }
  throw error
}

function parseBody(op: OperationDefinition, incoming: Incoming, bytes: Uint8Array, issues: Issue[], limits: ResolvedMultipartLimits): BodyOutcome | Promise<BodyOutcome> {
  const declared = op.body!
  const contentType = incoming.header('content-type')
  if (bytes.byteLength === 0 && (contentType === null || isJson(essence(contentType)))) {
    if (declared.required) issues.push({ name: 'body', reason: 'is required', in: 'body', pointer: '#' })
    return NO_BODY
  }
  // Nearly every body is sent as exactly the first declared type, `application/json`: no parsing of the field.
  // (The declared string, not the header's, keys the schema look-up: it is interned, the header is not.)
  if (contentType === 'application/json' && declared.types[0] === contentType) return parseJson(op, declared.types[0], bytes, issues)
  const type = essence(contentType)
  const matched = matchMediaType(type, declared.types)
  if (!matched) {
    return { ok: false, out: problemOut(415, { detail: `The body must be ${declared.types.join(' or ')}.` }, [['accept-post', declared.types.join(', ')]]) }
  }
  if (isJson(type)) return parseJson(op, matched, bytes, issues)
  let body: unknown
  if (type === 'application/x-www-form-urlencoded') {
    body = fieldsToObject(new URLSearchParams(textOf(bytes)))
  } else if (type === 'multipart/form-data') {
    return parseMultipart(op, matched, contentType!, bytes, limits, issues).then((parsed) => (parsed.ok ? validated(op, matched, parsed.fields, issues, parsed.reported) : parsed))
  } else if (type.startsWith('text/')) {
    body = textOf(bytes)
  } else {
    return { ok: true, body: bytes }
  }
  return validated(op, matched, body, issues)
}

function parseJson(op: OperationDefinition, matched: string, bytes: Uint8Array, issues: Issue[]): BodyOutcome {
  let body: unknown
  try {
    body = JSON.parse(textOf(bytes))
  } catch {
    return { ok: false, out: problemOut(400, { detail: 'The body is not valid JSON.' }) }
  }
  return validated(op, matched, body, issues)
}

/** Validates the parsed body; `reported` are pointers the parser already named (one failure, one entry). */
function validated(op: OperationDefinition, matched: string, body: unknown, issues: Issue[], reported?: readonly string[]): BodyOutcome {
  const schema = op.schemas?.body?.content[matched]
  if (!schema) return { ok: true, body }
  const before = issues.length
  const checked = check(schema, body, 'body', issues)
  if (reported !== undefined && reported.length > 0) {
    const fresh = issues.splice(before).filter((i) => !reported.some((p) => i.pointer === p || i.pointer.startsWith(`${p}/`)))
    issues.push(...fresh)
  }
  return { ok: true, body: checked }
}
