// `@gatehouse/server/zod`: how a generated `schemas.ts` reaches zod. At run time this is zod's own
// `z`; for tsc it names only zod/v4/core types. A file importing `zod` makes tsc load and bind
// zod's classic declarations (its schema classes and their methods), which a project that only
// serves the generated server never uses: on GitHub's output that was a tenth of a whole
// type-check under TypeScript 7. zod stays a peer dependency of this package; this entry imports
// nothing else of it.
import { z as zod } from 'zod'
import type { $ZodIssue, $ZodType, ParseContext, util } from 'zod/v4/core'

/**
 * A zod schema whose parsed value is `T`, as `schemas.ts` types its exports: a zod/v4/core
 * `$ZodType`, so `z.infer<typeof schema>` is `T` and zod's functions (`z.array(schema)`,
 * `z.optional(schema)`, `z.parse(schema, value)`) take it, plus the parse methods of classic
 * schemas. The values are classic zod schemas; their other methods (`.optional()`, `.array()`, …)
 * work at run time but are not declared here.
 *
 * @example
 * const article = componentSchemas.Article.parse(json) // components['schemas']['Article']
 */
export interface Schema<T = unknown> extends $ZodType<T, unknown> {
  parse(data: unknown, params?: ParseContext<$ZodIssue>): T
  safeParse(data: unknown, params?: ParseContext<$ZodIssue>): util.SafeParseResult<T>
  parseAsync(data: unknown, params?: ParseContext<$ZodIssue>): Promise<T>
  safeParseAsync(data: unknown, params?: ParseContext<$ZodIssue>): Promise<util.SafeParseResult<T>>
}

/**
 * zod's `z` (classic), for generated `schemas.ts` only: declared `unknown` so that importing it loads
 * none of zod's classic declarations; `schemas.ts` sees it through its own narrow view.
 */
export const z: unknown = zod
