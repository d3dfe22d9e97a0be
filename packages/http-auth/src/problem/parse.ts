import { setParam } from '../lib/params.js'
import type { InvalidParam, Problem } from './types.js'

const STANDARD = ['type', 'title', 'detail', 'instance'] as const
const LOCATIONS: unknown[] = ['path', 'query', 'header', 'cookie', 'body']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The objects of an array member; anything else reads as none. */
function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

/** `#/profile/color` or `/profile/color` → `profile.color` (RFC 6901 tokens, `~1`/`~0` unescaped). */
function nameFromPointer(pointer: string): string {
  let p = pointer
  if (p[0] === '#') {
    p = p.slice(1)
    try {
      p = decodeURIComponent(p)
    } catch {
      // not percent-encoded after all: read as is
    }
  }
  return p
    .replace(/^\//, '')
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}

/**
 * Reads a parsed JSON body as RFC 9457 problem details without ever
 * throwing: members of the wrong type are ignored (§3.1), `type` defaults to
 * "about:blank", extensions are kept, and RFC 7807 `invalid-params` and
 * RFC 9457 `errors` are normalized into `invalidParams`.
 */
export function parseProblem(value: unknown): Problem {
  try {
    return read(value)
  } catch {
    // Only reachable with hostile objects (throwing getters, revoked proxies), never with JSON.
    return read(undefined)
  }
}

function read(value: unknown): Problem {
  const result: Problem = { type: 'about:blank', invalidParams: [], extensions: {} }
  if (!isRecord(value)) return result
  for (const key of STANDARD) {
    const member = str(value[key])
    if (member !== undefined) result[key] = member
  }
  const status = value.status
  if (Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599) result.status = status as number
  for (const key of Object.keys(value)) if (key !== 'status' && !(STANDARD as readonly string[]).includes(key)) setParam(result.extensions, key, value[key])
  const out = result.invalidParams
  for (const item of records(value['invalid-params'])) {
    const name = str(item.name)
    if (name === undefined) continue
    const entry: InvalidParam = { name, reason: str(item.reason) ?? '' }
    if (LOCATIONS.includes(item.in)) entry.in = item.in as NonNullable<InvalidParam['in']>
    const pointer = str(item.pointer)
    if (pointer !== undefined) entry.pointer = pointer
    out.push(entry)
  }
  const fromRfc7807 = out.slice()
  for (const item of records(value.errors)) {
    const pointer = str(item.pointer)
    const name = str(item.name) ?? str(item.parameter) ?? str(item.header) ?? (pointer === undefined ? undefined : nameFromPointer(pointer))
    if (name === undefined) continue
    const reason = str(item.detail) ?? str(item.reason) ?? ''
    // A server may send both shapes for the same failures (gatehouse does): merge instead of duplicating.
    // The same pointer is the same failure; without one, gatehouse's `errors[].detail` is
    // `${name} ${reason}` (readable alone), and the bare reason is the same failure too.
    const same = fromRfc7807.find(
      (e) => (pointer !== undefined && e.pointer === pointer) || (e.pointer === undefined && e.name === name && (e.reason === reason || `${e.name} ${e.reason}` === reason)),
    )
    if (same) {
      if (pointer !== undefined) same.pointer ??= pointer
    } else out.push(pointer === undefined ? { name, reason } : { name, reason, pointer })
  }
  return result
}
