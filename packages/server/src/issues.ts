import type { ZodType } from 'zod'
import { _safeParse, type $ZodErrorClass, type $ZodIssue } from 'zod/v4/core'
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

/** zod's finalized issues without a `ZodError` around them: only the issues are read, never the error. */
class IssueList {
  constructor(readonly issues: $ZodIssue[]) {}
}
// zod's own safeParse, parameterized by the error class it builds on failure (zod/v4/core's public factory).
const safeParse = _safeParse(IssueList as unknown as $ZodErrorClass)

/** Runs a zod schema and turns its issues into gatehouse issues rooted at `location` (`body` or a parameter location). */
export function check(schema: ZodType, value: unknown, location: IssueLocation, issues: Issue[], rename?: (key: string) => string): unknown {
  const result = safeParse(schema, value)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
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

const BAD_REQUEST = reasonPhrase(400)

/**
 * The 400 answer naming every issue, in both the RFC 7807 and RFC 9457 forms. Each
 * `invalid-params` entry also says where (`in`) and carries the `pointer` of its `errors`
 * twin, so a client reads one entry per failure (http-auth's `parseProblem` merges the two).
 */
export function invalidRequest(issues: readonly Issue[]): Outgoing {
  // One pass for both forms and one object serialized once, members in problemJson's order: this is
  // the answer a flood of bad requests gets, so it skips problemOut's general copy-and-filter.
  const invalidParams: { name: string; reason: string; in: IssueLocation; pointer: string }[] = []
  const errors: { detail: string; pointer: string }[] = []
  for (const { name, reason, in: where, pointer } of issues) {
    invalidParams.push({ name, reason, in: where, pointer })
    errors.push({ detail: `${name} ${reason}`, pointer })
  }
  const detail = issues.length === 1 ? 'The request has 1 invalid field.' : `The request has ${issues.length} invalid fields.`
  const body = JSON.stringify({ type: 'about:blank', title: BAD_REQUEST, status: 400, detail, 'invalid-params': invalidParams, errors })
  return new Outgoing(400, [['content-type', 'application/problem+json']], body)
}
