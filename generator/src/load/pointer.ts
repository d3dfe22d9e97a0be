/** RFC 6901 JSON pointers: the model and diagnostics address the document with them. */

/** Escapes one reference token (RFC 6901 §4: `~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Joins tokens into a pointer, e.g. `['paths', '/a', 'get']` → `/paths/~1a/get`. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('')
}

/** Splits a pointer (with or without a leading `#`) into unescaped tokens; `''` is the whole document. */
export function parsePointer(pointer: string): string[] {
  const bare = pointer.startsWith('#') ? decodeURIComponent(pointer.slice(1)) : pointer
  if (bare === '') return []
  return bare.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Reads the value at a pointer, or `undefined` when any step is missing. */
export function getAt(root: unknown, pointer: string): unknown {
  let node = root
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[token]
  }
  return node
}
