import { createConfig, type Config } from '@redocly/openapi-core'
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3, type SchemaObject } from 'openapi-typescript'
import ts from 'typescript'
import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'
import { objectifyBooleanSchemas } from './lib/boolean-schemas.js'
import { inlineDeepSchemaRefs } from './lib/deep-refs.js'
import { capDepth } from './lib/depth.js'

// How deep openapi-typescript may recurse into the document (see capDepth); real specs nest a few dozen levels.
const MAX_TYPES_DEPTH = 256

let config: Promise<Config> | undefined

/**
 * Binary strings are `Blob`s on both ends (a file part, an octet-stream body), not the `string`
 * openapi-typescript writes: `format: binary` (OpenAPI 3.0 §4.7.24.6) and, in 3.1, a
 * `contentMediaType` without `contentEncoding` (raw bytes, OpenAPI 3.1 §4.8.14.3).
 */
function binaryAsBlob(schema: SchemaObject): ts.TypeNode | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined
  const s = schema as Record<string, unknown>
  const binary = s.format === 'binary' || (typeof s.contentMediaType === 'string' && s.contentEncoding === undefined)
  return binary && (s.type === undefined || s.type === 'string') ? ts.factory.createTypeReferenceNode('Blob') : undefined
}

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
    objectifyBooleanSchemas(model.document)
    capDepth(model.document, MAX_TYPES_DEPTH)
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
      transform: binaryAsBlob,
      transformProperty: undefined,
      makePathsEnum: false,
      generatePathParams: false,
      readWriteMarkers: false,
      resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
    }
    return generatedHeader(options.specName) + '\n' + astToString(transformSchema(schema, ctx))
  },
}
