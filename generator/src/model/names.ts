import { warn, type BuildContext } from './context.js'

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
)

/**
 * A camelCase identifier from an operationId: `repos/get-content` → `reposGetContent`,
 * `GET_users` → `getUsers`. Reserved words get a trailing `_` so emitters may use the name as a binding.
 */
export function sanitizeName(raw: string): string {
  const parts = raw.split(/[^A-Za-z0-9]+/).filter(Boolean)
  let name = parts
    .map((part, i) => {
      const word = /^[A-Z0-9]+$/.test(part) ? part.toLowerCase() : part
      return i === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1)
    })
    .join('')
  if (name === '') name = 'operation'
  if (/^[0-9]/.test(name)) name = '_' + name
  return RESERVED.has(name) ? name + '_' : name
}

/** A name for an operation without operationId: `get /articles/{id}` → `getArticlesById`. */
export function deriveName(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)
      return param ? `by-${param[1]}` : segment
    })
  return sanitizeName([method, ...words].join('-'))
}

/** One operation awaiting a name. */
export interface NameRequest {
  operationId?: string
  method: string
  path: string
  pointer: string
}

/**
 * Assigns unique names in a fixed order: explicit operationIds claim their names first,
 * in document order, then derived names; a clash gets the next free numeric suffix and a warning.
 */
export function assignNames(ctx: BuildContext, requests: NameRequest[]): string[] {
  const names: string[] = new Array(requests.length)
  const taken = new Set<string>()
  const order = [...requests.keys()].sort((a, b) => Number(requests[a]!.operationId === undefined) - Number(requests[b]!.operationId === undefined) || a - b)
  for (const i of order) {
    const request = requests[i]!
    const wanted = request.operationId !== undefined ? sanitizeName(request.operationId) : deriveName(request.method, request.path)
    let name = wanted
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`
    if (name !== wanted) {
      const what = request.operationId !== undefined ? `operationId "${request.operationId}"` : `${request.method.toUpperCase()} ${request.path}`
      warn(ctx, 'operation-name-collision', `${what} would be named "${wanted}", which is taken; named "${name}" instead`, request.pointer)
    }
    taken.add(name)
    names[i] = name
  }
  return names
}
