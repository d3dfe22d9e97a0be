import { readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { componentSchemas, operationSchemas } from '../../generated/articles/schemas.js'
import type { Schema } from '../../generated/articles/server.js'
import type { components } from '../../generated/articles/types.js'

// Compiled by the root tsc (`npm test` type-checks test/): a wrong inferred type fails the build.
describe('typed exports of schemas.ts', () => {
  it('z.infer of a component schema is its types.ts type', () => {
    expectTypeOf<z.infer<typeof componentSchemas.Article>>().toEqualTypeOf<components['schemas']['Article']>()
    expectTypeOf<z.infer<typeof componentSchemas.ArticleStatus>>().toEqualTypeOf<'draft' | 'published'>()
    // @ts-expect-error: an Article is not a Problem
    expectTypeOf<z.infer<typeof componentSchemas.Article>>().toEqualTypeOf<components['schemas']['Problem']>()
  })

  it('parse returns the typed value', () => {
    const parsed = componentSchemas.Article.parse({ title: 't', body: 'b' })
    expectTypeOf(parsed.title).toEqualTypeOf<string>()
    expectTypeOf(parsed).toEqualTypeOf<components['schemas']['Article']>()
    const result = componentSchemas.ArticleStatus.safeParse('draft')
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<'draft' | 'published'>()
    expect(result.success).toBe(true)
  })

  it("zod's functions take the exported schemas, typed", () => {
    const list = z.array(componentSchemas.Article)
    expectTypeOf<z.infer<typeof list>>().toEqualTypeOf<Array<components['schemas']['Article']>>()
    expect(list.safeParse([{ title: 't', body: 'b' }]).success).toBe(true)
    expect(list.safeParse([{ title: 1 }]).success).toBe(false)
    expectTypeOf(componentSchemas.Article).toEqualTypeOf<Schema<components['schemas']['Article']>>()
    expectTypeOf(operationSchemas.createArticle!.path).toEqualTypeOf<Schema | undefined>()
  })

  it('reaches zod through @gatehouse/server/zod, so tsc does not load zod classic declarations', () => {
    const text = readFileSync(new URL('../../generated/articles/schemas.ts', import.meta.url), 'utf8')
    expect(text).toMatch(/^import \{ z, type Schema \} from '@gatehouse\/server\/zod'$/m)
    expect(text).not.toMatch(/from 'zod'/)
  })
})
