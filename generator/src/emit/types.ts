import type { Config } from '@redocly/openapi-core'
import type { GlobalContext, OpenAPI3, PathsObject, SchemaObject } from 'openapi-typescript'
import type ts from 'typescript'
import { openapiTypescript, redocly, typescript } from '../cjs.js'
import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'
import { objectifyBooleanSchemas } from './lib/boolean-schemas.js'
import { inlineDeepSchemaRefs } from './lib/deep-refs.js'
import { capDepth } from './lib/depth.js'

// How deep openapi-typescript may recurse into the document (see capDepth); real specs nest a few dozen levels.
const MAX_TYPES_DEPTH = 256

let config: Promise<Config> | undefined

const tsc = typescript()
const { astToString, createRef, NEVER, resolveRef, scanDiscriminators, STRING, transformComponentsObject, transformPathsObject, transformSchemaObject, tsModifiers, tsRecord } = openapiTypescript()

/**
 * Binary strings are `Blob`s on both ends (a file part, an octet-stream body), not the `string`
 * openapi-typescript writes: `format: binary` (OpenAPI 3.0 §4.7.24.6) and, in 3.1, a
 * `contentMediaType` without `contentEncoding` (raw bytes, OpenAPI 3.1 §4.8.14.3).
 */
function binaryAsBlob(schema: SchemaObject): ts.TypeNode | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined
  const s = schema as Record<string, unknown>
  const binary = s.format === 'binary' || (typeof s.contentMediaType === 'string' && s.contentEncoding === undefined)
  return binary && (s.type === undefined || s.type === 'string') ? tsc.factory.createTypeReferenceNode('Blob') : undefined
}

type Root = 'paths' | 'webhooks' | 'components' | '$defs'
type Transform = (node: never, ctx: GlobalContext, operations: Operations) => ts.Node | ts.Node[]

/**
 * The `operations` interface of the footer, kept small while the roots are transformed.
 * openapi-typescript adds each operation to it by copying all the members so far into a new
 * array (`[...operations.members, operation]`), which is quadratic: on Microsoft Graph (11,422
 * operations) 65 million element copies and 0.5 GB of garbage, about a sixth of the run. So the
 * paths are transformed one path item at a time, and after each the members added are moved out
 * here; `restore` puts them all back, in the same order, before the footer is printed.
 */
class Operations {
  private readonly members: ts.TypeElement[] = []
  constructor(private readonly ctx: GlobalContext) {}

  private find(): { members: ts.NodeArray<ts.TypeElement> } | undefined {
    return (this.ctx.injectFooter as ts.Node[]).find((n): n is ts.InterfaceDeclaration => tsc.isInterfaceDeclaration(n) && n.name.text === 'operations')
  }

  /** Moves the members added since the last call out of the footer. */
  drain(): void {
    const operations = this.find()
    if (operations === undefined || operations.members.length === 0) return
    for (const member of operations.members) this.members.push(member)
    operations.members = tsc.factory.createNodeArray([])
  }

  /** Puts every member drained back into the footer's `operations`. */
  restore(): void {
    this.drain()
    const operations = this.find()
    if (operations !== undefined) operations.members = tsc.factory.createNodeArray(this.members)
  }
}

/** `transformPathsObject` one path item at a time (see `Operations`); the same members, in order. */
function pathsOneByOne(paths: PathsObject, ctx: GlobalContext, operations: Operations): ts.TypeLiteralNode {
  const members: ts.TypeElement[] = []
  for (const entry of Object.entries(paths)) {
    // fromEntries, not `{ [key]: value }`: a path named `__proto__` stays an own property.
    const literal = transformPathsObject(Object.fromEntries([entry]), ctx) as ts.TypeLiteralNode
    for (const member of literal.members) members.push(member)
    operations.drain()
  }
  return tsc.factory.createTypeLiteralNode(members)
}

// openapi-typescript's `transformSchema` roots, in its order (webhooks are path items too).
const ROOTS: [Root, Transform][] = [
  ['paths', pathsOneByOne as Transform],
  ['webhooks', pathsOneByOne as Transform],
  ['components', transformComponentsObject as Transform],
  ['$defs', ((node: SchemaObject, ctx: GlobalContext) => transformSchemaObject(node, { path: createRef(['$defs']), ctx, schema: node })) as Transform],
]

const exported = (name: string, type: ts.TypeNode) => tsc.factory.createTypeAliasDeclaration(tsModifiers({ export: true }), name, undefined, type)

/**
 * openapi-typescript's `transformSchema` + `astToString`, printed one root at a time: the same
 * text, but each root's syntax tree (hundreds of MB on Microsoft Graph) is garbage once printed,
 * instead of all of them living until one final print. The footer (`operations` and helpers)
 * fills up while the roots are transformed, so it is printed last, as `transformSchema` does.
 */
function printTypes(schema: OpenAPI3, ctx: GlobalContext): string {
  let text = ''
  const operations = new Operations(ctx)
  for (const [root, transform] of ROOTS) {
    const value = (schema as unknown as Record<string, unknown>)[root]
    const nodes: ts.Node[] = []
    const empty = () => exported(root, tsRecord(STRING, NEVER))
    if (value && typeof value === 'object') {
      for (const sub of ([] as ts.Node[]).concat(transform(value as never, ctx, operations))) {
        if (tsc.isTypeNode(sub)) {
          const members = (sub as ts.TypeNode & { members?: ts.NodeArray<ts.TypeElement> }).members
          nodes.push(members?.length ? tsc.factory.createInterfaceDeclaration(tsModifiers({ export: true }), root, undefined, undefined, members) : empty())
        } else nodes.push(tsc.isTypeAliasDeclaration(sub) ? sub : empty())
      }
    } else nodes.push(empty())
    operations.drain()
    text += astToString(nodes)
  }
  operations.restore()
  const footer = ctx.injectFooter as ts.Node[]
  if (!footer.some((n) => (n as ts.Node & { name?: ts.Identifier }).name?.escapedText === 'operations')) footer.push(exported('operations', tsRecord(STRING, NEVER)))
  return text + astToString(footer)
}

function quietConfig(): Promise<Config> {
  config ??= redocly().createConfig({ extends: [], rules: {} })
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
    return generatedHeader(options.specName) + '\n' + printTypes(schema, ctx)
  },
}
