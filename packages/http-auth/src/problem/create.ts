import { setParam } from '../lib/params.js'
import { statusText } from './status-text.js'
import type { ProblemDetails } from './types.js'

/** The media type of RFC 9457 §3 JSON problem details. */
export const PROBLEM_JSON = 'application/problem+json'

const STANDARD_MEMBERS = new Set(['status', 'type', 'title', 'detail', 'instance'])

/**
 * Serializes problem details (RFC 9457 §3) with the standard members first;
 * when `type` is absent or "about:blank", a missing title becomes the status
 * phrase as §4.2.1 recommends.
 */
export function problemJson(details: ProblemDetails): string {
  // No `...rest` destructuring: V8 copies through a slow runtime path, and this runs on every error answer.
  const { status, type, title, detail, instance } = details
  const body: Record<string, unknown> = {}
  if (type !== undefined) body.type = type
  const blank = type === undefined || type === 'about:blank'
  const phrase = blank && title === undefined ? statusText(status) : undefined
  if (title !== undefined) body.title = title
  else if (phrase) body.title = phrase
  body.status = status
  if (detail !== undefined) body.detail = detail
  if (instance !== undefined) body.instance = instance
  for (const key of Object.keys(details)) {
    const value = details[key]
    if (value === undefined || STANDARD_MEMBERS.has(key)) continue
    setParam(body, key, value)
  }
  return JSON.stringify(body)
}

/**
 * A `Response` carrying problem details (RFC 9457 §3) as
 * `application/problem+json`; `init.headers` are kept (several
 * `WWW-Authenticate` challenges included) and the status comes from `details`.
 * @example problem({ status: 401 }, { headers: { 'www-authenticate': 'Bearer realm="api"' } })
 */
export function problem(details: ProblemDetails, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers)
  headers.set('content-type', PROBLEM_JSON)
  const responseInit: ResponseInit = { headers, status: details.status }
  if (init?.statusText !== undefined) responseInit.statusText = init.statusText
  return new Response(problemJson(details), responseInit)
}
