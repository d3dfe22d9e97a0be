// Streaming response bodies: `text/event-stream` and newline-delimited JSON reach the caller as
// async iterables read off the wire as they arrive, never buffered to the end.
// RequestError is handed over by the caller, not imported: an import would split errors.ts, a first-load
// module, into a chunk of its own shared with this one.
import type { RequestError } from '../errors.js'

/** One event of a `text/event-stream` response, as the WHATWG HTML standard (§9.2.6) dispatches it. */
export interface ServerSentEvent {
  /** The `event` field, `message` when the block had none. */
  event: string
  /** The `data` lines of the block joined with `\n`. */
  data: string
  /** The last event ID seen so far in the stream (`id` fields persist across events); `''` if none. */
  id: string
  /** The reconnection time in milliseconds, when this block set one (`retry`). */
  retry?: number
}

/** The text of a byte stream, decoded as UTF-8 chunk by chunk (a split multi-byte character is kept for the next chunk). */
async function* text(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const chunk = decoder.decode(value, { stream: true })
      if (chunk) yield chunk
    }
    const rest = decoder.decode()
    if (rest) yield rest
  } finally {
    // A caller that stops iterating (break, return, throw) releases the connection.
    await reader.cancel().catch(() => {})
  }
}

/** Lines of a text stream, split on CRLF, LF or CR (a CR at a chunk's end waits for a possible LF). */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buffer = ''
  let first = true
  for await (let chunk of text(body)) {
    if (first) {
      // The decoder drops a UTF-8 BOM already; a stray U+FEFF from another decoder is dropped too.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
      first = false
    }
    buffer += chunk
    let start = 0
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i)
      if (c !== 10 && c !== 13) continue
      if (c === 13 && i === buffer.length - 1) break
      yield buffer.slice(start, i)
      if (c === 13 && buffer.charCodeAt(i + 1) === 10) i++
      start = i + 1
    }
    buffer = buffer.slice(start)
  }
  // A last line without its terminator: an SSE parser discards it (its block never ends), NDJSON keeps it.
  if (buffer.endsWith('\r')) buffer = buffer.slice(0, -1)
  if (buffer) yield buffer
}

/**
 * Parses a `text/event-stream` body into events as the WHATWG HTML standard's event stream
 * interpretation does (§9.2.6): fields `event`, `data`, `id`, `retry`; comments and unknown
 * fields ignored; a block without data dispatches nothing; an unterminated last block is dropped.
 */
export async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  let data: string[] = []
  let event = ''
  let id = ''
  let retry: number | undefined
  const pending = lines(body)
  for await (const line of pending) {
    if (line === '') {
      if (data.length > 0) {
        const dispatched: ServerSentEvent = { event: event || 'message', data: data.join('\n'), id }
        if (retry !== undefined) dispatched.retry = retry
        yield dispatched
      }
      data = []
      event = ''
      retry = undefined
      continue
    }
    if (line.charCodeAt(0) === 58) continue // ':' starts a comment
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.charCodeAt(0) === 32) value = value.slice(1)
    if (field === 'data') data.push(value)
    else if (field === 'event') event = value
    else if (field === 'id') {
      if (!value.includes('\0')) id = value
    } else if (field === 'retry' && /^[0-9]+$/.test(value)) retry = Number(value)
  }
}

/** Parses newline-delimited JSON (`application/x-ndjson`, JSON Lines): one value per non-empty line. */
export async function* jsonLines(body: ReadableStream<Uint8Array>, operation: string, Failure: typeof RequestError): AsyncGenerator<unknown> {
  for await (const line of lines(body)) {
    if (line.trim() === '') continue
    try {
      yield JSON.parse(line)
    } catch (cause) {
      throw new Failure('invalid-response', operation, cause)
    }
  }
}

const EMPTY = new ReadableStream<Uint8Array>({ start: (c) => c.close() })

/** The streaming reading of a response: events for `text/event-stream`, else one JSON value per line. */
export function streamBody(res: Response, type: string, operation: string, Failure: typeof RequestError): AsyncIterable<unknown> {
  return type.startsWith('text/event-stream') ? serverSentEvents(res.body ?? EMPTY) : jsonLines(res.body ?? EMPTY, operation, Failure)
}
