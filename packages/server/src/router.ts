import type { OperationDefinition } from './definition.js'

/** What a path matched: the entries of its operations by upper-case method, and the decoded path parameters. */
export interface RouteMatch<E> {
  methods: ReadonlyMap<string, E>
  params: Record<string, string>
}

interface TemplateRoute<E> {
  pattern: RegExp
  names: string[]
  literal: number
  methods: Map<string, E>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Matches request paths against the spec's path templates: literal paths by a map lookup,
 * templated ones by first segment, the template with the most literal characters first
 * (OpenAPI 3.1 §4.8.8: concrete paths win over templated ones).
 */
export class Router<E> {
  // A literal path always matches the same way: its match is built once, frozen, and shared.
  #exact = new Map<string, RouteMatch<E>>()
  // The literal paths by length, where few share one: a request's path is a fresh string, and
  // comparing it with a handful of same-length paths is cheaper than hashing it for the Map.
  #exactByLength: (readonly (readonly [string, RouteMatch<E>])[] | undefined)[] = []
  #templates = new Map<string, TemplateRoute<E>[]>()

  /**
   * `entryOf` gives what a match hands back per operation (the app keeps everything it derives
   * once per operation there, so serving a request looks nothing else up by name).
   */
  constructor(operations: Readonly<Record<string, OperationDefinition>>, entryOf: (name: string, op: OperationDefinition) => E) {
    const byTemplate = new Map<string, TemplateRoute<E>>()
    const exact = new Map<string, Map<string, E>>()
    for (const [name, op] of Object.entries(operations)) {
      const method = op.method.toUpperCase()
      if (!op.path.includes('{')) {
        let methods = exact.get(op.path)
        if (!methods) exact.set(op.path, (methods = new Map()))
        methods.set(method, entryOf(name, op))
        continue
      }
      let route = byTemplate.get(op.path)
      if (!route) {
        const names: string[] = []
        const source = op.path.split(/(\{[^}]+\})/).map((part) => {
          if (part.startsWith('{') && part.endsWith('}')) {
            names.push(part.slice(1, -1))
            return '([^/]+)'
          }
          return escapeRegExp(part)
        })
        route = { pattern: new RegExp(`^${source.join('')}$`), names, literal: op.path.replace(/\{[^}]+\}/g, '').length, methods: new Map() }
        byTemplate.set(op.path, route)
        const first = firstSegment(op.path)
        const list = this.#templates.get(first) ?? []
        list.push(route)
        this.#templates.set(first, list)
      }
      route.methods.set(method, entryOf(name, op))
    }
    for (const list of this.#templates.values()) list.sort((a, b) => b.literal - a.literal)
    for (const [path, methods] of exact) this.#exact.set(path, Object.freeze({ methods, params: Object.freeze({}) }))
    const byLength: (readonly [string, RouteMatch<E>])[][] = []
    for (const [path, match] of this.#exact) (byLength[path.length] ??= []).push([path, match])
    // A length shared by many paths goes to the Map (no bucket); a length no path has is an empty bucket.
    for (let length = 0; length < byLength.length; length++) {
      const bucket = byLength[length]
      this.#exactByLength.push(bucket === undefined ? NO_PATHS : bucket.length <= MAX_BUCKET ? bucket : undefined)
    }
  }

  #exactMatch(pathname: string): RouteMatch<E> | undefined {
    const length = pathname.length
    if (length >= this.#exactByLength.length) return undefined
    const bucket = this.#exactByLength[length]
    if (bucket === undefined) return this.#exact.get(pathname)
    for (let i = 0; i < bucket.length; i++) if (bucket[i]![0] === pathname) return bucket[i]![1]
    return undefined
  }

  /** The route of `pathname`, or undefined (→ 404). A path parameter that fails to percent-decode does not match. */
  match(pathname: string): RouteMatch<E> | undefined {
    if (pathname.includes('%')) pathname = normalizePercent(pathname)
    const exact = this.#exactMatch(pathname)
    if (exact) return exact
    return matchAny(this.#templates.get(firstSegment(pathname)), pathname) ?? matchAny(this.#templates.get('{'), pathname)
  }
}

const NO_PATHS: readonly never[] = []
const MAX_BUCKET = 8

function matchAny<E>(routes: readonly TemplateRoute<E>[] | undefined, pathname: string): RouteMatch<E> | undefined {
  if (!routes) return undefined
  for (const route of routes) {
    const m = route.pattern.exec(pathname)
    if (!m) continue
    const params: Record<string, string> = {}
    try {
      for (let i = 0; i < route.names.length; i++) params[route.names[i]!] = decodeURIComponent(m[i + 1]!)
    } catch {
      continue
    }
    return { methods: route.methods, params }
  }
  return undefined
}

function firstSegment(path: string): string {
  const end = path.indexOf('/', 1)
  const segment = end === -1 ? path.slice(1) : path.slice(1, end)
  return segment.includes('{') ? '{' : segment
}

// RFC 3986 §2.3 unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~".
const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/**
 * Percent-encoding normalization (RFC 3986 §6.2.2.1, §6.2.2.2): an encoded unreserved
 * character is the character itself (`/%64ocs` is `/docs`), other triplets get upper-case hex.
 */
export function normalizePercent(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (triplet, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16))
    return UNRESERVED.test(char) ? char : triplet.toUpperCase()
  })
}
