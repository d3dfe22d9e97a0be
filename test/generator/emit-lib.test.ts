import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indented, jsdoc, literal, newWriter, PartsWriter, propertyAccess, propertyKey, quote } from '../../generator/src/emit/lib/index.js'

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

describe('indented() and PartsWriter', () => {
  // What the plain-text tables are written with must be what CodeBlockWriter writes: lines of spec
  // text (one-line literals, JSDoc), blank lines, \r and U+2028 inside a line.
  const line = fc.string({ unit: fc.constantFrom('a', ' ', '*', '{', '}', ':', ',', '\r', '\u2028', '—'), maxLength: 6 })
  const text = fc.array(line, { maxLength: 5 }).map((lines) => lines.join('\n') + '\n')

  it('indents each non-empty line as CodeBlockWriter does inside blocks', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 3 }), (t, depth) => {
        const w = newWriter()
        const nest = (d: number): void => {
          if (d === 0) w.write(t)
          else w.indent(() => nest(d - 1))
        }
        w.writeLine('x')
        nest(depth)
        expect('x\n' + indented(t, depth)).toBe(w.toString())
      }),
    )
  })

  it('joins code parts and text parts in order', () => {
    const file = new PartsWriter()
    file.w.write('a ').block(() => file.w.writeLine('b'))
    file.text('  raw {\n')
    file.w.writeLine('c')
    expect(file.toString()).toBe('a {\n  b\n}\n  raw {\nc\n')
  })
})
