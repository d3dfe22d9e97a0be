import type { JsonSchema } from '../../model/types.js'
import type { Expr } from './expr.js'
import type { Mode, SchemaIndex } from './schema-utils.js'

/** What the translator needs from the file being written. */
export interface TranslateEnv {
  index: SchemaIndex
  /** The const holding a component in a mode (its request/response variant when one exists). */
  reference(name: string, mode: Mode): Expr
  /** Marks a runtime helper (`$num`, `$object`, … see helpers.ts) as used and returns its identifier. */
  helper(name: string): Expr
  /**
   * The const holding a schema translated on its own: a local ref that is not a component
   * (keyed by its pointer), or a subschema deeper than the translator recurses natively.
   */
  standalone(schema: JsonSchema, ctx: Ctx, pointer?: string): Expr
}

/** The state of one translation: which side of the wire, and whether values arrive as strings (parameters). */
export interface Ctx {
  env: TranslateEnv
  mode: Mode
  /** Parameter values are strings: scalars parse them (`"20"` → 20), arrays accept a lone string. */
  coerce: boolean
  /** A multipart body: a `format: binary` string is a file part, which the server hands over as a `Blob`. */
  files?: boolean
  /**
   * The fields of a multipart body whose parts are JSON: the server decodes them, so their values
   * are typed JSON and never coerce like text fields (`"3"` stays a string). Top level only.
   */
  jsonParts?: ReadonlySet<string>
  /** Refs being inlined right now (coercion inlines components): a cycle guard. */
  inlining: ReadonlySet<string>
  /** Native recursion depth of this translation; deeper subschemas become standalone consts (no stack overflow). */
  depth: number
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
