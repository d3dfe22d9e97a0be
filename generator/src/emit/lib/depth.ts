/**
 * Replaces every object nested deeper than `max` levels in the document with `{}` (any value), in
 * place, and returns how many were cut. openapi-typescript walks and transforms schemas with
 * native recursion, a dozen frames per level, so a document nested thousands of levels deep
 * (legal, and easy to produce by machine) overflows its stack; past `max` levels types.ts says
 * `unknown` instead. Real documents stay far below it. The walk keeps its own stack.
 */
export function capDepth(doc: object, max: number): number {
  let cut = 0
  const work: Array<[object, number]> = [[doc, 0]]
  while (work.length > 0) {
    const [node, depth] = work.pop()!
    const record = node as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const value = record[key]
      if (value === null || typeof value !== 'object') continue
      if (depth + 1 >= max) {
        record[key] = Array.isArray(value) ? [] : {}
        cut++
      } else work.push([value, depth + 1])
    }
  }
  return cut
}
