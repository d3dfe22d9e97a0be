import type CodeBlockWriter from 'code-block-writer'
import { FORMAT_HELPERS } from './formats.js'
import { RUNTIME_HELPERS, type RuntimeHelper } from './runtime.js'

/**
 * The preamble of every `schemas.ts`. `$z` is zod itself seen through a
 * narrow, non-generic interface: inferring zod's deep generic types for
 * thousands of schemas is what makes tsc slow on large specs, and nothing
 * needs those types (consumers get `Schema`, @gatehouse/server/zod; handler types come from
 * `types.ts`). The runtime objects are untouched zod schemas.
 */
const PRELUDE = [
  '// tsc sees zod through this narrow, non-generic view (fast to check on large specs); at runtime it is zod itself.',
  'interface $Issue {',
  '  readonly path: readonly PropertyKey[]',
  '  readonly message: string',
  '}',
  'interface $Ctx {',
  "  addIssue(issue: { readonly code?: string; readonly message: string; readonly path: readonly PropertyKey[] }): void",
  '}',
  'type $Result = { success: true; data: unknown } | { success: false; error: { issues: readonly $Issue[] } }',
  'interface $Schema {',
  '  optional(): $Schema',
  '  nullable(): $Schema',
  '  default(value: unknown): $Schema',
  '  refine(check: (value: any) => unknown, params: { error: string }): $Schema',
  '  superRefine(check: (value: any, ctx: $Ctx) => void): $Schema',
  '  transform(map: (value: any, ctx: $Ctx) => unknown): $Schema',
  '  pipe(next: $Schema): $Schema',
  '  safeParse(value: unknown): $Result',
  '}',
  'interface $String extends $Schema {',
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
  '  url(): $String',
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
  '  union(options: readonly [$Schema, ...$Schema[]]): $Schema',
  '  discriminatedUnion(key: string, options: readonly [$Schema, ...$Schema[]]): $Schema',
  '  intersection(left: $Schema, right: $Schema): $Schema',
  '  lazy(getter: () => $Schema): $Schema',
  '  preprocess(transform: (value: unknown) => unknown, schema: $Schema): $Schema',
  '}',
  'const $z = z as unknown as $Zod',
  '// The exported values are zod schemas; `$Schema` was only the view used to build them.',
  'type $AsZod<T> = T extends $Schema ? Schema : { readonly [K in keyof T]: $AsZod<T[K]> }',
  '// One entry of `operationSchemas`, declared rather than inferred: the declaration of the export stays cheap.',
  'interface $Operation<S> {',
  '  readonly path?: S',
  '  readonly query?: S',
  '  readonly header?: S',
  '  readonly cookie?: S',
  '  readonly body?: { readonly required: boolean; readonly content: { readonly [mediaType: string]: S } }',
  '  readonly responses: { readonly [status: string]: { readonly [mediaType: string]: S } }',
  '  readonly headers?: { readonly [status: string]: S }',
  '}',
]

/**
 * The runtime helpers a generated file can use, as fixed source lines (written
 * only when used, in this order). Function declarations, not consts: tsc's
 * control-flow analysis never walks back to a function declaration.
 * Parameter coercion is strict on purpose: `"12abc"` and `""` stay strings
 * and fail the number check.
 */
const COERCION: Record<string, { name: string; lines: string[] }> = {
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
      '// The server collects repeated parameters and form parts into arrays; a lone value (a string, a file, a',
      '// JSON part) is accepted as one item.',
      'function $arr(schema: $Schema): $Schema {',
      "  return $z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), schema)",
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
  list: {
    name: '$list',
    lines: [
      '// A response header list (style simple, RFC 9110 §5.6.1): comma-separated items, spaces around them ignored.',
      'function $list(schema: $Schema): $Schema {',
      "  return $z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value), schema)",
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

/** Every helper in the order it is written: parameter coercion, then JSON Schema keywords, then formats. */
const HELPERS: RuntimeHelper[] = [
  ...Object.values(COERCION).map((h) => ({ name: h.name, source: h.lines.join('\n') })),
  ...RUNTIME_HELPERS,
  ...FORMAT_HELPERS,
]
const BY_NAME = new Map(HELPERS.map((h) => [h.name, h]))

/** The helpers that return a schema (`$num(…)`, `$type(…)`, …), read from their declared return types. */
export const SCHEMA_HELPERS: ReadonlySet<string> = new Set(
  HELPERS.filter((h) => new RegExp(`^function \\${h.name}\\(.*\\): \\$Schema \\{$`, 'm').test(h.source)).map((h) => h.name),
)

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
  '$Operation',
  '$Issue',
  '$Ctx',
  '$Result',
  '$Evaluated',
  '$ObjectRules',
  '$ArrayRules',
  '$lazy',
  '$leaves',
  '$leavesBuilt',
  'components',
  'componentSchemas',
  'operationSchemas',
  '$componentSchemas',
  '$operationSchemas',
  ...HELPERS.map((h) => h.name),
]

/**
 * Writes the `$z` preamble (see PRELUDE) and `$lazy`, the wrapper of every schema const. With shared
 * small schemas (`leaves`, see leaves.ts) the first schema built builds them first: importing the
 * file still builds nothing.
 */
export function writePrelude(writer: CodeBlockWriter, leaves: boolean): void {
  for (const line of PRELUDE) writer.writeLine(line)
  writer.writeLine('// A function, not `$z.lazy`, at top level: tsc resolves a function name without control-flow analysis.')
  writer.writeLine('function $lazy(build: () => $Schema): $Schema {')
  if (leaves) {
    writer.writeLine('  return $z.lazy(() => {')
    writer.writeLine('    if (!$leavesBuilt) $leaves()')
    writer.writeLine('    return build()')
    writer.writeLine('  })')
  } else writer.writeLine('  return $z.lazy(build)')
  writer.writeLine('}')
  writer.blankLine()
}

/** Whether `name` is a helper this module can write. */
export function isHelper(name: string): boolean {
  return BY_NAME.has(name)
}

/**
 * Writes the used helpers and those they call, in the fixed order of HELPERS, so output bytes
 * do not depend on translation order.
 */
export function writeHelpers(writer: CodeBlockWriter, used: ReadonlySet<string>): void {
  const needed = new Set<string>()
  const work = [...used]
  while (work.length > 0) {
    const name = work.pop()!
    if (needed.has(name)) continue
    needed.add(name)
    work.push(...(BY_NAME.get(name)?.needs ?? []))
  }
  for (const helper of HELPERS) {
    if (!needed.has(helper.name)) continue
    for (const line of helper.source.split('\n')) writer.writeLine(line)
  }
  if (needed.size > 0) writer.blankLine()
}
