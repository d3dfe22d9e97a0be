import type CodeBlockWriter from 'code-block-writer'
import type { Helper } from './context.js'

/**
 * The preamble of every `schemas.ts`. `$z` is zod itself seen through a
 * narrow, non-generic interface: inferring zod's deep generic types for
 * thousands of schemas is what makes tsc slow on large specs, and nothing
 * needs those types (consumers get `z.ZodType`; handler types come from
 * `types.ts`). The runtime objects are untouched zod schemas.
 */
const PRELUDE = [
  '// tsc sees zod through this narrow, non-generic view (fast to check on large specs); at runtime it is zod itself.',
  'interface $Schema {',
  '  optional(): $Schema',
  '  nullable(): $Schema',
  '  default(value: unknown): $Schema',
  '  refine(check: (value: any) => unknown, params: { error: string }): $Schema',
  '  safeParse(value: unknown): { success: boolean }',
  '}',
  'interface $String extends $Schema {',
  '  min(length: number): $String',
  '  max(length: number): $String',
  '  regex(pattern: RegExp): $String',
  '}',
  'interface $Number extends $Schema {',
  '  gt(limit: number): $Number',
  '  gte(limit: number): $Number',
  '  lt(limit: number): $Number',
  '  lte(limit: number): $Number',
  '  multipleOf(step: number): $Number',
  '}',
  'interface $Array extends $Schema {',
  '  min(length: number): $Array',
  '  max(length: number): $Array',
  '}',
  'interface $Object extends $Schema {',
  '  catchall(schema: $Schema): $Object',
  '}',
  'type $Literal = string | number | boolean',
  'interface $Zod {',
  '  string(): $String',
  '  email(): $String',
  '  uuid(): $String',
  '  url(): $String',
  '  ipv4(): $String',
  '  ipv6(): $String',
  '  iso: { datetime(options: { offset: boolean }): $String; date(): $String; time(): $String }',
  '  number(): $Number',
  '  int(): $Number',
  '  int32(): $Number',
  '  boolean(): $Schema',
  '  null(): $Schema',
  '  unknown(): $Schema',
  '  never(): $Schema',
  '  enum(values: readonly [string, ...string[]]): $Schema',
  '  literal(value: $Literal | readonly [$Literal, ...$Literal[]]): $Schema',
  '  object(shape: Record<string, $Schema>): $Object',
  '  looseObject(shape: Record<string, $Schema>): $Object',
  '  strictObject(shape: Record<string, $Schema>): $Object',
  '  record(key: $String, value: $Schema): $Schema',
  '  array(item: $Schema): $Array',
  '  tuple(items: readonly [$Schema, ...$Schema[]], rest?: $Schema): $Schema',
  '  union(options: readonly [$Schema, ...$Schema[]]): $Schema',
  '  discriminatedUnion(key: string, options: readonly [$Schema, ...$Schema[]]): $Schema',
  '  intersection(left: $Schema, right: $Schema): $Schema',
  '  lazy(getter: () => $Schema): $Schema',
  '  preprocess(transform: (value: unknown) => unknown, schema: $Schema): $Schema',
  '}',
  'const $z = z as unknown as $Zod',
  '// A function, not `$z.lazy`, at top level: tsc resolves a function name without control-flow analysis.',
  'function $lazy(build: () => $Schema): $Schema {',
  '  return $z.lazy(build)',
  '}',
  '// The exported values are zod schemas; `$Schema` was only the view used to build them.',
  'type $AsZod<T> = T extends $Schema ? z.ZodType : { readonly [K in keyof T]: $AsZod<T[K]> }',
]

/**
 * The runtime helpers a generated file can use, as fixed source lines (written
 * only when used, in this order). Function declarations, not consts: tsc's
 * control-flow analysis never walks back to a function declaration.
 * Parameter coercion is strict on purpose: `"12abc"` and `""` stay strings
 * and fail the number check.
 */
const HELPERS: Record<Helper, { name: string; lines: string[] }> = {
  num: {
    name: '$num',
    lines: [
      '// Parameter values are strings: a whole decimal number becomes a number; anything else stays a string and fails.',
      'function $num(schema: $Schema): $Schema {',
      "  return $z.preprocess((value) => (typeof value === 'string' && /^-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?$/.test(value) ? Number(value) : value), schema)",
      '}',
    ],
  },
  bool: {
    name: '$bool',
    lines: [
      'function $bool(schema: $Schema): $Schema {',
      "  return $z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), schema)",
      '}',
    ],
  },
  arr: {
    name: '$arr',
    lines: [
      '// The server collects array parameters into string[]; a lone string is accepted as one item.',
      'function $arr(schema: $Schema): $Schema {',
      "  return $z.preprocess((value) => (typeof value === 'string' ? [value] : value), schema)",
      '}',
    ],
  },
  json: {
    name: '$json',
    lines: [
      '// A `content` parameter carries JSON text; text that does not parse stays a string and fails the schema.',
      'function $json(schema: $Schema): $Schema {',
      '  return $z.preprocess((value) => {',
      "    if (typeof value !== 'string') return value",
      '    try {',
      '      return JSON.parse(value) as unknown',
      '    } catch {',
      '      return value',
      '    }',
      '  }, schema)',
      '}',
    ],
  },
  unique: {
    name: '$unique',
    lines: [
      'function $unique(items: unknown[]): boolean {',
      "  return new Set(items.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : item))).size === items.length",
      '}',
    ],
  },
  props: {
    name: '$props',
    lines: [
      'function $props(min: number, max: number): (value: object) => boolean {',
      '  return (value) => Object.keys(value).length >= min && Object.keys(value).length <= max',
      '}',
    ],
  },
  jsonIn: {
    name: '$jsonIn',
    lines: [
      'function $jsonIn(values: string[]): (value: unknown) => boolean {',
      '  return (value) => values.includes(JSON.stringify(value))',
      '}',
    ],
  },
  file: {
    name: '$file',
    lines: [
      '// A multipart file part: the server hands it over as a Blob (a File, with its name and type); a text part is not one.',
      'function $file(): $Schema {',
      "  return $z.unknown().refine((value) => value === undefined || value instanceof Blob, { error: 'must be a file' })",
      '}',
    ],
  },
  not: {
    name: '$not',
    lines: [
      'function $not(schema: $Schema): (value: unknown) => boolean {',
      '  return (value) => !schema.safeParse(value).success',
      '}',
    ],
  },
}

/** Names the generated file declares itself, kept away from component consts. */
export const RESERVED_NAMES = [
  'z',
  '$z',
  '$Schema',
  '$Zod',
  '$String',
  '$Number',
  '$Array',
  '$Object',
  '$Literal',
  '$AsZod',
  '$lazy',
  'componentSchemas',
  'operationSchemas',
  '$componentSchemas',
  '$operationSchemas',
  ...Object.values(HELPERS).map((h) => h.name),
]

/** Writes the `$z` preamble (see PRELUDE). */
export function writePrelude(writer: CodeBlockWriter): void {
  for (const line of PRELUDE) writer.writeLine(line)
  writer.blankLine()
}

/** The identifier a helper is written under. */
export function helperName(helper: Helper): string {
  return HELPERS[helper].name
}

/** Writes the used helpers in a fixed order, so output bytes do not depend on translation order. */
export function writeHelpers(writer: CodeBlockWriter, used: ReadonlySet<Helper>): void {
  for (const helper of Object.keys(HELPERS) as Helper[]) {
    if (!used.has(helper)) continue
    for (const line of HELPERS[helper].lines) writer.writeLine(line)
  }
  if (used.size > 0) writer.blankLine()
}
