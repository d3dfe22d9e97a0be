import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLocator, lineStarts } from '../../generator/src/load/locate.js'

/** Every pointer of a value, depth first, with the value it names. */
function* pointers(value: unknown, prefix = ''): Generator<[string, unknown]> {
  yield [prefix, value]
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* pointers(item, `${prefix}/${i}`)
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* pointers(item, `${prefix}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)
  }
}

describe('the JSON locator', () => {
  it('finds the text of every value, in any lookup order, with containers indexed once', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.integer({ min: 0, max: 2 }), (doc, indent) => {
        const text = JSON.stringify(doc, null, indent)
        const starts = lineStarts(text)
        const locate = createLocator('doc.json', text, 'json')
        // Pointers are taken from the parsed text, so values the text cannot carry (-0) compare equal.
        const all = [...pointers(JSON.parse(text))]
        // Reverse order as well, so cached indexes are exercised from both ends.
        for (const [pointer, value] of [...all, ...all.reverse()]) {
          const at = locate(pointer)
          expect(at, pointer).toBeDefined()
          const offset = starts[at!.line - 1]! + at!.column - 1
          // A value nested at depth d is indented by d more levels after each line break.
          const depth = pointer === '' ? 0 : pointer.split('/').length - 1
          const expected = JSON.stringify(value, null, indent).replaceAll('\n', `\n${' '.repeat(depth * indent)}`)
          expect(text.slice(offset, offset + expected.length), pointer).toBe(expected)
        }
        expect(locate('/no such key')).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })
})
