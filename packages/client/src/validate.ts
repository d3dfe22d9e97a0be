
/** What `safeParse` must look like: zod's, or any schema library's with the same shape. */
export interface ResponseSchema {
  safeParse(value: unknown): { success: boolean; error?: unknown }
}

/**
 * The generated `schemas.ts` as a module namespace (`import * as schemas from './schemas.js'`):
 * only its `operationSchemas[operation].responses[status][mediaType]` is read.
 */
export interface ResponseSchemas {
  operationSchemas: { readonly [operation: string]: { readonly responses?: { readonly [status: string]: { readonly [mediaType: string]: ResponseSchema } } } }
}

/**
 * `validate`: the schemas themselves, or a function that loads them on first use (a dynamic
 * `import()` the bundler splits into its own chunk). The client never imports `schemas.ts` by
 * itself, so a frontend that does not opt in needs neither zod nor the server-side files.
 */
export type ValidateOption = ResponseSchemas | (() => Promise<ResponseSchemas>)

/** Returns a memoised getter of the schemas, or throws on a value that is neither form (e.g. the former `validate: true`). */
export function schemasOf(validate: ValidateOption): () => Promise<ResponseSchemas> {
  if (typeof validate !== 'function') {
    // `?.`: null and undefined fail here too.
    if (typeof (validate as Partial<ResponseSchemas> | null)?.operationSchemas !== 'object') {
      throw new TypeError(
        "createClient: `validate` takes the generated schemas (`import * as schemas from './schemas.js'`) or a function that imports them, not " +
          JSON.stringify(validate),
      )
    }
    const schemas = validate
    validate = async () => schemas
  }
  let loading: Promise<ResponseSchemas> | undefined
  return () => (loading ??= validate())
}
