import { setParam } from '../lib/params.js'
import type { InvalidParam, Problem } from './types.js'

const STANDARD = new Set(['type', 'status', 'title', 'detail', 'instance'])
const LOCATIONS = new Set(['path', 'query', 'header', 'cookie', 'body'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** `#/profile/color` or `/profile/color` → `profile.color` (RFC 6901 tokens, `~1`/`~0` unescaped). */
function nameFromPointer(pointer: string): string {
  let p = pointer
  if (p.startsWith('#')) {
    try {
      p = decodeURIComponent(p.slice(1))
    } catch {
      p = p.slice(1)
    }
  }
  if (p === '') return ''
  return p
    .slice(p.startsWith('/') ? 1 : 0)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}

function fromInvalidParams(value: unknown, out: InvalidParam[]): void {
  if (!Array.isArray(value)) return
  for (const item of value) {
    if (!isRecord(item)) continue
    const name = str(item.name)
    if (name === undefined) continue
    const entry: InvalidParam = { name, reason: str(item.reason) ?? '' }
    const where = item.in
    if (typeof where === 'string' && LOCATIONS.has(where)) entry.in = where as NonNullable<InvalidParam['in']>
    const pointer = str(item.pointer)
    if (pointer !== undefined) entry.pointer = pointer
    out.push(entry)
  }
}

function fromErrors(value: unknown, out: InvalidParam[]): void {
  if (!Array.isArray(value)) return
  const fromRfc7807 = out.length
  for (const item of value) {
    if (!isRecord(item)) continue
    const pointer = str(item.pointer)
    const name = str(item.name) ?? str(item.parameter) ?? str(item.header) ?? (pointer === undefined ? undefined : nameFromPointer(pointer))
    if (name === undefined) continue
    const reason = str(item.detail) ?? str(item.reason) ?? ''
    // A server may send both shapes for the same failures (gatehouse does): merge instead of duplicating.
    let merged = false
    for (let i = 0; i < fromRfc7807; i++) {
      const e = out[i]!
      // The same pointer is the same failure (gatehouse sends it in both forms); without one,
      // gatehouse's `errors[].detail` is `${name} ${reason}` (readable alone), and the bare reason is the same failure too.
      const samePointer = pointer !== undefined && e.pointer === pointer
      if (samePointer || (e.pointer === undefined && e.name === name && (e.reason === reason || `${e.name} ${e.reason}` === reason))) {
        if (pointer !== undefined && e.pointer === undefined) e.pointer = pointer
        merged = true
        break
      }
    }
    if (merged) continue
    const entry: InvalidParam = { name, reason }
    if (pointer !== undefined) entry.pointer = pointer
    out.push(entry)
  }
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
    return { type: 'about:blank', invalidParams: [], extensions: {} }
  }
}

function read(value: unknown): Problem {
  const result: Problem = { type: 'about:blank', invalidParams: [], extensions: {} }
  if (!isRecord(value)) return result
  const type = str(value.type)
  if (type !== undefined) result.type = type
  const status = value.status
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) result.status = status
  const title = str(value.title)
  if (title !== undefined) result.title = title
  const detail = str(value.detail)
  if (detail !== undefined) result.detail = detail
  const instance = str(value.instance)
  if (instance !== undefined) result.instance = instance
  for (const key of Object.keys(value)) {
    if (STANDARD.has(key)) continue
    setParam(result.extensions, key, value[key])
  }
  fromInvalidParams(value['invalid-params'], result.invalidParams)
  fromErrors(value.errors, result.invalidParams)
  return result
}
