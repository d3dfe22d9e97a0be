import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { array, arrow, call, code, comment, type Expr, object } from '../../../generator/src/emit/schemas/expr.js'
import { structuralInterner } from '../../../generator/src/emit/schemas/shared.js'

const member = (target: Expr, name: string): Expr => ({ kind: 'member', target, name })
const idsOf = () => {
  const intern = structuralInterner((_expr, id) => ({ id }))
  return (expr: Expr) => intern(expr).node.id
}

// Short strings from a tiny alphabet, so that equal and nearly equal trees are common.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', ':', '1'), maxLength: 3 })
const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(code),
    fc.tuple(tie('tree'), text).map(([target, name]) => member(target, name)),
    fc.tuple(tie('tree'), fc.array(tie('tree'), { maxLength: 3 })).map(([callee, args]) => call(callee, ...args)),
    fc.array(fc.tuple(text, tie('tree')), { maxLength: 3 }).map(object),
    fc.array(tie('tree'), { maxLength: 3 }).map(array),
    tie('tree').map(arrow),
    fc.tuple(text, tie('tree')).map(([t, e]) => comment(t, e)),
  ),
}))

describe('structuralInterner', () => {
  it('gives two trees the same id exactly when they are structurally equal', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 2, maxLength: 8 }), (trees) => {
        const id = idsOf()
        const ids = trees.map(id)
        for (let i = 0; i < trees.length; i++) {
          for (let j = 0; j < trees.length; j++) {
            // The constructors build every node with the same key order, so JSON text is structural equality.
            expect(ids[i] === ids[j]).toBe(JSON.stringify(trees[i]) === JSON.stringify(trees[j]))
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it.each<[string, Expr, Expr]>([
    ['one argument or two', call(code('f'), code('a,b')), call(code('f'), code('a'), code('b'))],
    ['an argument or an array of it', call(code('f'), code('a')), call(code('f'), array([code('a')]))],
    ['object keys', object([['a', code('x')]]), object([['b', code('x')]])],
    ['member names', member(code('a'), 'b'), member(code('a'), 'c')],
    ['comment texts', comment('a', code('x')), comment('b', code('x'))],
    ['where an object key ends', object([['a', code('1')], ['b', code('2')]]), object([['a1', code('b')], ['', code('2')]])],
    ['a member name or a leaf', member(code('a'), 'b'), call(code('a'), code('b'))],
    ['an array or an arrow', array([code('x')]), arrow(code('x'))],
    ['a comment or its expression', comment('', code('x')), code('x')],
    ['the order of arguments', call(code('f'), code('a'), code('b')), call(code('f'), code('b'), code('a'))],
    ['an empty call or the callee', call(code('f')), code('f')],
    ['an empty object or an empty array', object([]), array([])],
  ])('tells apart %s', (_, a, b) => {
    const id = idsOf()
    expect(id(a)).not.toBe(id(b))
    expect(id(structuredClone(a))).toBe(id(a))
  })

  it('keeps ids distinct and stable past many table doublings', () => {
    const id = idsOf()
    // About six pairs per tree: the table (65,536 slots, at most half full) doubles twice.
    const trees = Array.from({ length: 20_000 }, (_, i) => call(member(code('$z'), 'string'), code(String(i % 10_000)), array([code(String(i))])))
    const first = trees.map(id)
    expect(new Set(first).size).toBe(20_000)
    expect(trees.filter((t, i) => id(structuredClone(t)) !== first[i])).toEqual([])
  })

  it('describes each distinct tree once, whatever the number of copies', () => {
    let described = 0
    const intern = structuralInterner((_expr, id) => (described++, { id }))
    const tree = () => call(member(code('$z'), 'object'), object([['a', call(member(code('$z'), 'string'))]]))
    for (let i = 0; i < 10; i++) intern(tree())
    // $z, $z.object, $z.string, $z.string(), the object, the call.
    expect(described).toBe(6)
  })

  it('returns the facts as a tree shaped like the expression', () => {
    const intern = structuralInterner((expr, id) => ({ id, kind: expr.kind }))
    const tree = intern(call(member(code('$z'), 'object'), object([['a', code('x')], ['b', array([code('y')])]])))
    const shape = (t: typeof tree): unknown => [t.node.kind, ...t.parts.map(shape)]
    expect(shape(tree)).toEqual(['call', ['member', ['code']], ['object', ['code'], ['array', ['code']]]])
  })
})
