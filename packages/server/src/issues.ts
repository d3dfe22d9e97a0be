import type { ZodType } from 'zod'
import { problemOut, type Outgoing } from './outgoing.js'

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
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
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

/** Runs a zod schema and turns its issues into gatehouse issues rooted at `location` (`body` or a parameter location). */
export function check(schema: ZodType, value: unknown, location: IssueLocation, issues: Issue[], rename?: (key: string) => string): unknown {
  const result = schema.safeParse(value)
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
  const rooted = location === 'body' ? path : [location, ...path]
  return '#' + rooted.map((s) => '/' + escapePointer(s)).join('')
}

/**
 * The 400 answer naming every issue, in both the RFC 7807 and RFC 9457 forms. Each
 * `invalid-params` entry also says where (`in`) and carries the `pointer` of its `errors`
 * twin, so a client reads one entry per failure (http-auth's `parseProblem` merges the two).
 */
export function invalidRequest(issues: readonly Issue[]): Outgoing {
  return problemOut(400, {
    detail: issues.length === 1 ? 'The request has 1 invalid field.' : `The request has ${issues.length} invalid fields.`,
    'invalid-params': issues.map(({ name, reason, in: where, pointer }) => ({ name, reason, in: where, pointer })),
    errors: issues.map(({ reason, pointer, name }) => ({ detail: `${name} ${reason}`, pointer })),
  })
}
