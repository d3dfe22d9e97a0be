// Response bodies that are not JSON: a chunk of its own, loaded by a page's first such response (JSON
// APIs seldom send one). RequestError is handed over by the caller, not imported: an import would split
// errors.ts, a first-load module, into a chunk of its own shared with this one.
import type { RequestError } from '../errors.js'

// Streams: text/event-stream and newline-delimited JSON.
const STREAM_TYPE = /^(text\/event-stream|application\/(x-)?(ndjson|jsonl|jsonlines))\b/i

/** A body that is not JSON: a stream's async iterable (events or lines, read as they arrive), text, else a Blob; `undefined` when empty and untyped or text. */
export async function otherBody(res: Response, type: string, operation: string, Failure: typeof RequestError): Promise<unknown> {
  // The stream parsers are their own chunk too, loaded by the first streaming response.
  if (res.ok && STREAM_TYPE.test(type)) return (await import('./stream.js')).streamBody(res, type.toLowerCase(), operation, Failure)
  return type && !/^text\//i.test(type) ? res.blob() : (await res.text()) || undefined
}
