import { $ZodAsyncError, config, util, type $ZodIssue, type $ZodRawIssue, type $ZodType, type ParsePayload } from 'zod/v4/core'
import * as zodCore from 'zod/v4/core'
import { Outgoing, reasonPhrase } from './outgoing.js'

/**
 * One validation failure. `pointer` follows RFC 9457 §3's `errors` example: `#/title` inside the
 * body, and `#/<location>/<name>` for parameters (`#/query/limit`, `#/header/x-request-id`).
 */
export interface Issue {
  /** The parameter's name as the spec declares it, or the body field's path (`author.name`, `tags[0]`). */
  name: string
  reason: string
  /** Where the failure is: a parameter location, or `body`. */
  in: IssueLocation
  pointer: string
}

/** Where a validation failure sits: a parameter location (OpenAPI `in`) or the request body. */
export type IssueLocation = 'path' | 'query' | 'header' | 'cookie' | 'body'

function escapePointer(segment: string | number): string {
  const s = String(segment)
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s
}

function describe(path: readonly (string | number)[]): string {
  let out = ''
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`
  return out
}

// zod's default messages name types, never received values; "received undefined" reads better as "is required".
function reasonOf(message: string): string {
  return message.endsWith('received undefined') ? 'is required' : message
}

/**
 * zod's `safeParse` as zod/v4/core composes it (`_zod.run`, then `util.finalizeIssue` per issue), minus
 * the result object: zod 4.6 returns failures as a literal with a lazy `error` accessor, and V8 gives
 * every such literal a map of its own in old space, so each rejected request left its issues to be
 * promoted out of the young generation (scavenges took 10–30 ms under a flood of bad bodies).
 * Returns the raw payload; its issues are finalized by {@link finalized} only when there are any.
 */
function run(schema: $ZodType, value: unknown, ctx: ParseContext): ParsePayload {
  const result = schema._zod.run({ value, issues: [] }, ctx) as ParsePayload | Promise<ParsePayload>
  if (result instanceof Promise) throw new $ZodAsyncError()
  return result
}

type ParseContext = { async: false }
type Parser = (input: unknown) => unknown

// What a generated parser returns for input it does not accept (zod/v4/core's `INVALID`, a registry symbol).
const INVALID: unknown = (zodCore as Partial<typeof zodCore>).INVALID ?? Symbol.for('zod.compile.invalid')

// Per schema, zod's generated parser for it, or null where there is none (see `parserOf`).
const parsers = new WeakMap<$ZodType, Parser | null>()

/**
 * zod's generated parser for a schema (zod/v4/core `compileFn`, what `compile()` installs): it answers
 * valid input (the common case) with fewer calls and objects than the interpreter, and `check` sends
 * anything it rejects to the schema's own runtime parse, so issues and messages are zod's as before.
 * The parser is called directly, not through `compile()`'s clone: its wrapper would allocate the
 * runtime's payload and context for every parse.
 *
 * The generated schemas.ts builds every component behind `z.lazy`, which compileFn does not see
 * through (generated code runs a lazy through the runtime, without its object JIT: slower than not
 * compiling at all). So the parser is generated from a copy with the lazies resolved away
 * ({@link withoutLazies}). A lazy that closes a cycle cannot be: such schemas, like those compileFn
 * refuses (async or unsupported checks), or a zod without it, get null and keep the runtime parse.
 */
/** @internal Exported for tests: the parser `check` tries first, or null. */
export function parserOf(schema: $ZodType): Parser | null {
  let parser = parsers.get(schema)
  if (parser === undefined) {
    parser = generatedParser(schema)
    parsers.set(schema, parser)
  }
  return parser
}

function generatedParser(schema: $ZodType): Parser | null {
  const { compileFn } = zodCore as Partial<typeof zodCore>
  if (compileFn === undefined) return null
  try {
    // compileFn refuses what is left of a cycle (a lazy it would have to run through the runtime).
    return compileFn(withoutLazies(schema, new Map(), new Set())) as Parser
  } catch {
    return null
  }
}

// Where each container kind keeps its child schemas (zod/v4/core defs); other kinds are copied as they are.
const CHILD_KEYS: Readonly<Record<string, readonly string[]>> = {
  object: ['catchall'],
  array: ['element'],
  optional: ['innerType'],
  nullable: ['innerType'],
  default: ['innerType'],
  prefault: ['innerType'],
  nonoptional: ['innerType'],
  readonly: ['innerType'],
  catch: ['innerType'],
  record: ['keyType', 'valueType'],
  intersection: ['left', 'right'],
  pipe: ['in', 'out'],
  tuple: ['rest'],
}
const CHILD_LISTS: Readonly<Record<string, string>> = { union: 'options', tuple: 'items' }

/**
 * The same schema with every `z.lazy` replaced by what it resolves to, for code generation only
 * (a lazy only defers building its inner schema, so the parse is the same). Containers are rebuilt
 * with zod's own constructor over a copy of their def (getters such as `default`'s value kept);
 * unchanged subtrees are shared. A lazy met again while resolving itself closes a cycle and stays.
 */
function withoutLazies(schema: $ZodType, done: Map<$ZodType, $ZodType>, open: Set<$ZodType>): $ZodType {
  const known = done.get(schema)
  if (known !== undefined) return known
  if (open.has(schema)) return schema
  open.add(schema)
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string }
  let out = schema
  if (def.type === 'lazy') out = withoutLazies((schema._zod as unknown as { innerType: $ZodType }).innerType, done, open)
  else {
    const changes: Record<string, unknown> = {}
    let changed = false
    const visit = (child: unknown): unknown => {
      if (child === undefined || child === null) return child
      const next = withoutLazies(child as $ZodType, done, open)
      if (next !== child) changed = true
      return next
    }
    if (def.type === 'object') {
      const shape: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) shape[key] = visit(child)
      changes.shape = shape
    }
    for (const key of CHILD_KEYS[def.type] ?? []) changes[key] = visit(def[key])
    const list = CHILD_LISTS[def.type]
    if (list !== undefined && Array.isArray(def[list])) changes[list] = (def[list] as unknown[]).map(visit)
    if (changed) {
      const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(def))
      for (const [key, value] of Object.entries(changes)) Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
      out = new (schema._zod.constr as unknown as new (def: unknown) => $ZodType)(copy)
    }
  }
  open.delete(schema)
  done.set(schema, out)
  return out
}

function finalized(payload: ParsePayload, ctx: ParseContext): $ZodIssue[] {
  const issues: $ZodIssue[] = []
  for (const raw of payload.issues as $ZodRawIssue[]) issues.push(util.finalizeIssue(raw, ctx, config()))
  return issues
}

// A path holds symbols only for symbol-keyed properties (never in JSON): copy only then.
function keysOf(path: readonly PropertyKey[]): readonly (string | number)[] {
  for (const segment of path) if (typeof segment === 'symbol') return path.filter((p): p is string | number => typeof p !== 'symbol')
  return path as readonly (string | number)[]
}

/** Runs a zod schema and turns its issues into gatehouse issues rooted at `location` (`body` or a parameter location). */
export function check(schema: $ZodType, value: unknown, location: IssueLocation, issues: Issue[], rename?: (key: string) => string): unknown {
  const parse = parserOf(schema)
  if (parse !== null) {
    const out = parse(value)
    if (out !== INVALID) return out
  }
  // A fresh context per parse: zod keeps per-parse state on it (its cycle memo).
  const ctx: ParseContext = { async: false }
  const payload = run(schema, value, ctx)
  if (payload.issues.length === 0) return payload.value
  for (const issue of finalized(payload, ctx)) {
    const path = keysOf(issue.path)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = [...path, key]
        issues.push({ name: location === 'body' ? describe(full) : key, reason: location === 'query' ? 'is not a supported parameter' : 'is not allowed', in: location, pointer: pointerOf(location, full) })
      }
      continue
    }
    const named = rename && typeof path[0] === 'string' ? [rename(path[0]), ...path.slice(1)] : path
    issues.push({ name: describe(named) || location, reason: reasonOf(issue.message), in: location, pointer: pointerOf(location, path) })
  }
  return undefined
}

/** The JSON pointer (as a URI fragment) of a value at `path` inside `location`. */
export function pointerOf(location: string, path: readonly (string | number)[]): string {
  let out = location === 'body' ? '#' : `#/${escapePointer(location)}`
  for (const segment of path) out += '/' + escapePointer(segment)
  return out
}

const BAD_REQUEST = JSON.stringify(reasonPhrase(400))

/**
 * The 400 answer naming every issue, in both the RFC 7807 and RFC 9457 forms. Each
 * `invalid-params` entry also says where (`in`) and carries the `pointer` of its `errors`
 * twin, so a client reads one entry per failure (http-auth's `parseProblem` merges the two).
 */
export function invalidRequest(issues: readonly Issue[]): Outgoing {
  // The JSON text is written directly, members in problemJson's order: this is the answer a flood
  // of bad requests gets, and serializing an object graph of both forms cost twice as much (the
  // strings are JSON-quoted once each, and each form reuses them).
  let params = ''
  let errors = ''
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i]!
    const name = JSON.stringify(issue.name)
    const reason = JSON.stringify(issue.reason)
    const pointer = JSON.stringify(issue.pointer)
    const comma = i === 0 ? '' : ','
    params += `${comma}{"name":${name},"reason":${reason},"in":"${issue.in}","pointer":${pointer}}`
    // JSON escapes character by character, so the quoted `${name} ${reason}` is the two quoted strings joined.
    errors += `${comma}{"detail":${name.slice(0, -1)} ${reason.slice(1)},"pointer":${pointer}}`
  }
  const detail = issues.length === 1 ? 'The request has 1 invalid field.' : `The request has ${issues.length} invalid fields.`
  const body = `{"type":"about:blank","title":${BAD_REQUEST},"status":400,"detail":"${detail}","invalid-params":[${params}],"errors":[${errors}]}`
  return new Outgoing(400, [['content-type', 'application/problem+json']], body)
}
