import type { Expr } from './expr.js'
import type { Mode, SchemaIndex } from './schema-utils.js'

/** Small runtime helpers a generated `schemas.ts` may need; only the used ones are written (see helpers.ts). */
export type Helper = 'num' | 'bool' | 'arr' | 'json' | 'unique' | 'props' | 'jsonIn' | 'not' | 'file'

/** What the translator needs from the file being written. */
export interface TranslateEnv {
  index: SchemaIndex
  /** The const holding a component in a mode (its request/response variant when one exists). */
  reference(name: string, mode: Mode): Expr
  /** Marks a helper as used and returns its identifier. */
  helper(name: Helper): Expr
}

/** The state of one translation: which side of the wire, and whether values arrive as strings (parameters). */
export interface Ctx {
  env: TranslateEnv
  mode: Mode
  /** Parameter values are strings: scalars parse them (`"20"` → 20), arrays accept a lone string. */
  coerce: boolean
  /** A multipart body: a `format: binary` string is a file part, which the server hands over as a `Blob`. */
  files?: boolean
  /** Refs being inlined right now (coercion inlines components; other local refs are always inlined): a cycle guard. */
  inlining: ReadonlySet<string>
}

/** Keywords that never change what validates, so they do not count as constraints next to `$ref` or a composition. */
export const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  '$schema',
  '$id',
  '$comment',
  '$anchor',
  'format',
])

/** Keywords the translator applies around any schema (`translate` in json-schema.ts), so the core ignores them. */
export const WRAPPERS = new Set(['nullable', 'default', 'not'])

/** Whether a keyword only annotates (including `x-` extensions). */
export function isAnnotation(key: string): boolean {
  return ANNOTATIONS.has(key) || key.startsWith('x-')
}
