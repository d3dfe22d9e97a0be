import type { Challenge } from '../challenge/types.js'

/** Splits a space-delimited parameter (`scope`, `algs`, `acr_values`) into its non-empty items. */
export function spaceList(value: string | undefined): string[] {
  return (value ?? '').split(/[ \t]+/).filter(Boolean)
}

/**
 * Joins items into a space-delimited parameter value, rejecting items that
 * would not survive the split back (empty, or containing whitespace); no items
 * (or none given) leave the parameter out.
 */
export function joinSpaceList(items: readonly string[] | undefined, what: string): string | undefined {
  if (items === undefined || items.length === 0) return undefined
  for (const item of items) {
    if (item.length === 0 || /[ \t]/.test(item)) throw new TypeError(`${what} item ${JSON.stringify(item)} is empty or contains whitespace`)
  }
  return items.join(' ')
}

/** Reads a parameter whether or not the challenge was normalized to lowercase names. */
export function param(c: Challenge, name: string): string | undefined {
  const params = c.params
  if (Object.hasOwn(params, name)) return params[name]
  for (const key of Object.keys(params)) if (key.toLowerCase() === name) return params[key]
  return undefined
}

/** True when the challenge's scheme is `scheme` (compared case-insensitively, RFC 9110 §11.1). */
export function isScheme(c: Challenge, scheme: string): boolean {
  return c.scheme.toLowerCase() === scheme
}

/** Adds the defined entries of `entries` to a fresh params object, in order. */
export function definedParams(entries: [string, string | undefined][]): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [k, v] of entries) if (v !== undefined) params[k] = v
  return params
}
