// What a multipart reader hands over, whichever parser produced it.

/** One part of a multipart/form-data body, in body order. */
export interface Part {
  name: string
  /** A text part's value, or a file part (a part with a `filename`) as a `File`. */
  value: string | File
  /** The part's media type (`text/plain` when it has no Content-Type, RFC 7578 §4.4); undefined where the parser cannot tell. */
  type: string | undefined
}

/** The parts, or why there are none: a malformed body (400) or a limit exceeded (413). */
export type ReadOutcome = { ok: true; parts: Part[] } | { ok: false; status: 400 | 413; detail: string }

/** The limits a reader enforces itself. */
export interface ReaderLimits {
  maxFileSize: number
}

/** The answer to a file part over `maxFileSize`. */
export const fileTooLarge = (name: string, limit: number): ReadOutcome => ({ ok: false, status: 413, detail: `The part ${name} is larger than ${limit} bytes.` })
