import { isAbsolute, relative } from 'node:path'

/** A file name as messages show it: relative to the working directory when inside it, else absolute. */
export function shortPath(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel
}
