import { GatehouseError, siteOf, type GatehouseErrorCode } from '../errors.js'
import type { LoadedDocument } from '../load/index.js'
import { getAt } from '../load/pointer.js'
import type { Diagnostic } from './types.js'

/** A JSON object of the bundled document. */
export type Obj = Record<string, unknown>

/** What the model builders share: the document, where to report, and warnings so far. */
export interface BuildContext {
  loaded: LoadedDocument
  doc: Obj
  diagnostics: Diagnostic[]
  /** What each path parameter said about `required` before the model forced it true, by parameter pointer. */
  pathRequired: Map<string, unknown>
}

/** An object found by following `$ref`s, with the pointer where it actually lives. */
export interface Resolved {
  value: Obj
  pointer: string
}

/** Throws a located `GatehouseError` for a pointer of the root document. */
export function fail(ctx: BuildContext, code: GatehouseErrorCode, message: string, pointer: string): never {
  throw new GatehouseError(code, message, siteOf(ctx.loaded.displayName, pointer, ctx.loaded.locate))
}

/** Records a warning; the CLI prints it with its location. */
export function warn(ctx: BuildContext, code: string, message: string, pointer?: string): void {
  ctx.diagnostics.push({ severity: 'warning', code, message, ...(pointer === undefined ? {} : { pointer }) })
}

/** True for a plain JSON object (not an array, not null). */
export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Follows local `$ref`s (parameters, responses, request bodies, headers, schemes,
 * path items) to the object they name. Schema refs are never passed here: emitters keep them.
 */
export function deref(ctx: BuildContext, value: unknown, pointer: string): Resolved | undefined {
  let current = value
  let at = pointer
  const seen = new Set<string>()
  while (isObj(current) && typeof current.$ref === 'string') {
    const ref = current.$ref
    if (!ref.startsWith('#') || seen.has(ref)) fail(ctx, 'dangling-ref', `cannot resolve $ref "${ref}"${seen.has(ref) ? ' (a cycle)' : ''}`, at)
    seen.add(ref)
    const target = getAt(ctx.doc, ref)
    if (target === undefined) fail(ctx, 'dangling-ref', `dangling $ref "${ref}": nothing at that location (used at #${at})`, at)
    current = target
    at = decodeURIComponent(ref.slice(1))
  }
  return isObj(current) ? { value: current, pointer: at } : undefined
}

/** A string field, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
