/** Helpers that render values as TypeScript source: every emitter quotes the same way. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A single-quoted string literal; escapes everything JSON would plus `'`, so any spec text is safe. */
export function quote(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`
}

/** True if `name` can be written as a bare property name or binding. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name)
}

/** A property key: bare when it is an identifier, quoted otherwise (`'application/json'`, `'4XX'`). */
export function propertyKey(name: string): string {
  // `__proto__: x` (bare or quoted) in an object literal sets the prototype; a computed key does not.
  if (name === '__proto__') return `[${quote(name)}]`
  return isIdentifier(name) ? name : quote(name)
}

/** A property access: `.name` or `['name']`. */
export function propertyAccess(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${quote(name)}]`
}

/**
 * A JSON-like value as a one-line TypeScript literal with single quotes, e.g.
 * `{ type: 'http', scopes: ['a', 'b'] }`; `undefined` properties are left out.
 */
export function literal(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return '{}'
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`).join(', ')} }`
  }
  throw new TypeError(`cannot render ${typeof value} as a literal`)
}
