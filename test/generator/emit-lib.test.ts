import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsdoc, literal, propertyAccess, propertyKey, quote } from '../../generator/src/emit/lib/index.js'

const evaluate = (source: string): unknown => new Function(`return (${source})`)()

describe('emit/lib literals', () => {
  it('quote() round-trips any string through a single-quoted literal', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite' }), (s) => evaluate(quote(s)) === s))
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => evaluate(quote(s)) === s))
    expect(quote(`it's "x" \\ \n`)).toBe(`'it\\'s "x" \\\\ \\n'`)
  })

  it('literal() round-trips JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(evaluate(literal(v))).toEqual(JSON.parse(JSON.stringify(v)))
      }),
    )
  })

  it.each([
    ['name', 'name', '.name'],
    ['$ok_1', '$ok_1', '.$ok_1'],
    ['4XX', "'4XX'", "['4XX']"],
    ['application/json', "'application/json'", "['application/json']"],
    ['api key', "'api key'", "['api key']"],
    ['__proto__', "['__proto__']", '.__proto__'],
  ])('propertyKey/propertyAccess(%j)', (name, key, access) => {
    expect(propertyKey(name)).toBe(key)
    expect(propertyAccess(name)).toBe(access)
  })

  it('jsdoc() keeps spec text from closing the comment early', () => {
    expect(jsdoc(['ends */ here'])).toBe('/** ends *\\/ here */\n')
    expect(jsdoc(['a', undefined, ' ', 'b\nc'])).toBe('/**\n * a\n * b\n * c\n */\n')
    expect(jsdoc([undefined])).toBe('')
  })
})

describe('literal() and __proto__', () => {
  it('keeps a "__proto__" key as an own property', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object
    const round = evaluate(literal(value)) as Record<string, unknown>
    expect(Object.keys(round)).toEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(round)).toBe(Object.prototype)
  })
})
