import { describe, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { componentSchemas } from '../../generated/articles/schemas.js'
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
  })
})
