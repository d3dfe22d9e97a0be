import { createConfig, type Config } from '@redocly/openapi-core'
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from 'openapi-typescript'
import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'
import { inlineDeepSchemaRefs } from './lib/deep-refs.js'

let config: Promise<Config> | undefined

function quietConfig(): Promise<Config> {
  config ??= createConfig({ extends: [], rules: {} })
  return config
}

/**
 * `types.ts`: openapi-typescript's output (`paths`, `components`, `operations`) through its Node
 * API. We call its `transformSchema` on our already-bundled document instead of `openapiTS()`,
 * which would parse, lint and bundle the document a second time (about two thirds of its run
 * time on Stripe); the context below is `openapiTS()`'s, with its defaults, so the output is
 * byte-for-byte what its CLI prints after the header, except that refs into the inside of a
 * component schema are inlined first (see `inlineDeepSchemaRefs`) so the result compiles.
 */
export const typesEmitter: Emitter = {
  file: 'types.ts',
  targets: ['client', 'server'],
  mutatesDocument: true,
  async emit(model, options) {
    // No copy: openapi-typescript changes the schemas it transforms (it adds discriminator enums),
    // so this emitter is flagged `mutatesDocument` and runs after the others.
    inlineDeepSchemaRefs(model.document)
    const schema = model.document as unknown as OpenAPI3
    const ctx: GlobalContext = {
      additionalProperties: false,
      alphabetize: false,
      arrayLength: false,
      defaultNonNullable: true,
      discriminators: scanDiscriminators(schema, { silent: true }),
      emptyObjectsUnknown: false,
      enum: false,
      enumValues: false,
      conditionalEnums: false,
      dedupeEnums: false,
      excludeDeprecated: false,
      exportType: false,
      immutable: false,
      rootTypes: false,
      rootTypesNoSchemaPrefix: false,
      rootTypesKeepCasing: false,
      injectFooter: [],
      pathParamsAsTypes: false,
      postTransform: undefined,
      propertiesRequiredByDefault: false,
      redoc: await quietConfig(),
      silent: true,
      inject: undefined,
      transform: undefined,
      transformProperty: undefined,
      makePathsEnum: false,
      generatePathParams: false,
      readWriteMarkers: false,
      resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
    }
    return generatedHeader(options.specName) + '\n' + astToString(transformSchema(schema, ctx))
  },
}
