// The server validates through zod's generated parser (packages/server/src/issues.ts) where it can.
// Generated schemas wrap every component in z.lazy: the parser must see through them, give the same
// values and issues as zod's runtime, and leave cyclic schemas to the runtime.
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { check, parserOf, type Issue } from '../../packages/server/src/issues.js'

// As schemas.ts builds them: each component behind a lazy, a lazy enum with a default inside an object.
const Status = z.lazy(() => z.enum(['draft', 'published']))
const Author = z.lazy(() => z.strictObject({ name: z.string(), links: z.array(z.lazy(() => z.object({ href: z.string() }))).optional() }))
const Article = z.lazy(() =>
  z.strictObject({
    title: z.string().refine((s) => s.length > 0, { error: 'must not be empty' }),
    status: Status.default('draft'),
    author: Author,
    meta: z.lazy(() => z.object({ tags: z.array(z.string()) })).default({ tags: [] }),
    either: z.union([z.lazy(() => z.object({ a: z.number() })), z.lazy(() => z.object({ b: z.boolean() }))]).optional(),
    scores: z.record(z.string(), z.lazy(() => z.number().int())).optional(),
  }),
)

const inputs: unknown[] = [
  { title: 'x', author: { name: 'm' } },
  { title: 'x', status: 'published', author: { name: 'm', links: [{ href: '/a' }, { href: '/b' }] }, meta: { tags: ['t'] }, either: { b: true }, scores: { a: 1 } },
  { title: 'x', author: { name: 'm' }, either: { a: 2 } },
  { title: '', author: { name: 'm' } },
  { title: 'x', status: 'gone', author: { name: 5 } },
  { title: 'x', author: { name: 'm', links: [{ href: 1 }] } },
  { title: 'x', author: { name: 'm' }, extra: 1 },
  { title: 'x', author: { name: 'm' }, either: { c: 1 }, scores: { a: 1.5 } },
  { author: null },
  [],
  'text',
  null,
]

function runtime(schema: z.ZodType, value: unknown): { value: unknown; issues: Issue[] } {
  const result = schema.safeParse(value)
  return { value: result.success ? result.data : undefined, issues: result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message })) as never }
}

describe('generated parsers', () => {
  it('see through nested lazies', () => {
    // Generated code runs a lazy it meets through zod's runtime (`inner._zod.run(…)`): none is left.
    for (const schema of [Article, Author]) {
      const parse = parserOf(schema)
      expect(parse).not.toBeNull()
      expect(String(parse)).toContain('typeof input')
      expect(String(parse)).not.toContain('_zod.run')
    }
  })

  it('give the runtime value on valid input and its issues on invalid input', () => {
    let valid = 0
    for (const input of inputs) {
      const issues: Issue[] = []
      const served = check(Article, input, 'body', issues)
      const expected = runtime(Article, input)
      expect(issues.length === 0, JSON.stringify(input)).toBe(expected.issues.length === 0)
      if (issues.length === 0) {
        valid++
        expect(isDeepStrictEqual(served, expected.value), JSON.stringify(input)).toBe(true)
      } else expect(issues.length).toBe(expected.issues.length)
    }
    expect(valid).toBe(3)
    // What the generated parser itself answers: the valid inputs only (the others go to the runtime).
    const parse = parserOf(Article)!
    expect(inputs.map((input) => isDeepStrictEqual(parse(input), runtime(Article, input).value))).toEqual(inputs.map((_, i) => i < 3))
  })

  it('build a fresh default per parse, as the runtime does', () => {
    const a = check(Article, { title: 'x', author: { name: 'm' } }, 'body', []) as { meta: { tags: string[] } }
    const b = check(Article, { title: 'x', author: { name: 'm' } }, 'body', []) as { meta: { tags: string[] } }
    expect(a.meta).toEqual({ tags: [] })
    expect(a.meta).not.toBe(b.meta)
  })

  it('leave cyclic schemas to the runtime', () => {
    type Node = { value: string; next?: Node }
    const Node: z.ZodType<Node> = z.lazy(() => z.object({ value: z.string(), next: Node.optional() }))
    expect(parserOf(Node)).toBeNull()
    const issues: Issue[] = []
    expect(check(Node, { value: 'a', next: { value: 'b' } }, 'body', issues)).toEqual({ value: 'a', next: { value: 'b' } })
    expect(check(Node, { value: 'a', next: { value: 1 } }, 'body', issues)).toBeUndefined()
    expect(issues.map((i) => i.pointer)).toEqual(['#/next/value'])
  })
})
