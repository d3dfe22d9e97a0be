import type { ZodType } from 'zod'
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
function run(schema: ZodType, value: unknown, ctx: ParseContext): ParsePayload {
  const result = runnerOf(schema)._zod.run({ value, issues: [] }, ctx) as ParsePayload | Promise<ParsePayload>
  if (result instanceof Promise) throw new $ZodAsyncError()
  return result
}

type ParseContext = { async: false }

// What `check` runs per schema: zod's `compile()` clone of it when that is faster, else the schema.
const runners = new WeakMap<ZodType, $ZodType>()

function runnerOf(schema: ZodType): $ZodType {
  let runner = runners.get(schema)
  if (runner === undefined) {
    runner = compiled(schema as unknown as $ZodType)
    runners.set(schema, runner)
  }
  return runner
}

/**
 * zod's compiled clone of a schema: a generated parser answers valid input (the common case, with
 * fewer calls and objects than the interpreter), and anything it rejects goes to the schema's own
 * runtime parse, so issues and messages are zod's as before. The generated schemas.ts builds every
 * component behind `z.lazy`, which compile() does not see through: the lazies at the top are
 * unwrapped, and below it only lazies around leaves (an enum, a string) are accepted; compiled code
 * runs a lazy through the runtime without its object JIT, slower than not compiling at all. The
 * schema itself when compile() refuses (cycles, async or unsupported checks) or is not in this zod.
 */
function compiled(schema: $ZodType): $ZodType {
  const compile = (zodCore as Partial<typeof zodCore>).compile
  if (compile === undefined) return schema
  let target = schema
  const seen = new Set<$ZodType>()
  while (target._zod.def.type === 'lazy') {
    if (seen.has(target)) return schema
    seen.add(target)
    target = (target._zod as unknown as { innerType: $ZodType }).innerType
  }
  if (!lazyOnlyAroundLeaves(target, seen)) return schema
  const clone = compile(target)
  return clone === target ? schema : clone
}

const LEAVES = new Set(['string', 'number', 'int', 'boolean', 'bigint', 'null', 'undefined', 'enum', 'literal', 'unknown', 'any', 'never', 'template_literal', 'date'])

/** Walks a schema's subtree (resolving lazies, as compile() needs them resolved): false if a lazy wraps more than a leaf. */
function lazyOnlyAroundLeaves(schema: $ZodType, seen: Set<$ZodType>): boolean {
  if (seen.has(schema)) return true
  seen.add(schema)
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string }
  if (def.type === 'lazy') {
    const inner = (schema._zod as unknown as { innerType: $ZodType }).innerType
    return LEAVES.has(inner._zod.def.type)
  }
  const children: unknown[] = []
  if (def.type === 'object') children.push(...Object.values(def.shape as Record<string, unknown>), def.catchall)
  for (const key of ['element', 'rest', 'keyType', 'valueType', 'left', 'right', 'innerType', 'in', 'out']) children.push(def[key])
  for (const key of ['options', 'items']) if (Array.isArray(def[key])) children.push(...(def[key] as unknown[]))
  for (const child of children) {
    if (child !== undefined && !lazyOnlyAroundLeaves(child as $ZodType, seen)) return false
  }
  return true
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
export function check(schema: ZodType, value: unknown, location: IssueLocation, issues: Issue[], rename?: (key: string) => string): unknown {
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
