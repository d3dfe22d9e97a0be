import type { SourceLocation } from './model/types.js'

/** Stable codes of the failures `gatehouse` reports as exit status 2. */
export type GatehouseErrorCode =
  | 'unreadable-file'
  | 'syntax-error'
  | 'dangling-ref'
  | 'undeclared-scheme'
  | 'unsupported-version'
  | 'duplicate-operation-id'
  | 'invalid-document'
  | 'path-parameter-mismatch'
  | 'unknown-schema-type'
  | 'invalid-options'
  | 'unwritable-output'

/** Where an error was found: a source position when known, else the JSON pointer. */
export interface ErrorSite {
  file?: string
  line?: number
  column?: number
  pointer?: string
}

/**
 * An input problem the user must fix: carries a stable `code` and prints as one
 * `file:line:col: message` line, so the CLI never needs a stack trace to explain it.
 */
export class GatehouseError extends Error {
  override name = 'GatehouseError'
  readonly code: GatehouseErrorCode
  readonly site: ErrorSite

  constructor(code: GatehouseErrorCode, message: string, site: ErrorSite = {}, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.site = site
  }

  /** The one line the CLI prints: `file:line:col: message`, or `file: message (at #/pointer)`. */
  format(): string {
    return formatSite(this.site) + this.message + (this.site.line === undefined && this.site.pointer !== undefined ? ` (at #${this.site.pointer})` : '')
  }
}

/** Builds an `ErrorSite` from a pointer and the locator of the document it belongs to. */
export function siteOf(file: string, pointer: string, locate?: (pointer: string) => SourceLocation | undefined): ErrorSite {
  const at = locate?.(pointer)
  return at ? { file: at.file, line: at.line, column: at.column, pointer } : { file, pointer }
}

function formatSite(site: ErrorSite): string {
  if (site.file === undefined) return ''
  if (site.line === undefined) return `${site.file}: `
  return `${site.file}:${site.line}:${site.column ?? 1}: `
}

/** True for the errors the CLI reports in one line; anything else is a bug and gets a stack. */
export function isGatehouseError(error: unknown): error is GatehouseError {
  return error instanceof GatehouseError
}
