import type { LoadedDocument } from '../load/index.js'
import { toPointer } from '../load/pointer.js'
import { deref, fail, isObj, str, type BuildContext, type Obj } from './context.js'
import { assignNames } from './names.js'
import { pathParameterMistakes, unknownTypeMistakes } from './mistakes.js'
import { buildParameters, buildRequestBody, buildResponses } from './operation-parts.js'
import { buildSchemes, securityResolver } from './security.js'
import { HTTP_METHODS, type ApiModel, type HttpMethod, type Mistake, type NamedSchema, type Operation } from './types.js'

/** How `buildModel` treats spec mistakes (model/mistakes.ts). */
export interface BuildOptions {
  /** `throw` (the default, `generate`): the first one is a `GatehouseError`; `collect` (lint): listed in `model.mistakes`. */
  mistakes?: 'throw' | 'collect'
}

/**
 * Normalizes a loaded document into the `ApiModel` every emitter reads: operations with
 * dereferenced parameters, bodies and responses, resolved security, and gatehouse's `x-` extensions.
 * @throws GatehouseError for undeclared schemes, duplicate operationIds, malformed objects and
 * spec mistakes (path template/parameter mismatches, unknown schema types) unless collected.
 */
export function buildModel(loaded: LoadedDocument, options: BuildOptions = {}): ApiModel {
  const doc = loaded.document
  const ctx: BuildContext = { loaded, doc, diagnostics: [], pathRequired: new Map() }
  const info = isObj(doc.info) ? doc.info : {}
  const realm = str(doc['x-realm'])
  const exposeScopes = doc['x-expose-scopes'] !== false
  const schemes = buildSchemes(ctx, realm)
  const resolveSecurity = securityResolver(ctx, schemes)

  const found = collectOperations(ctx)
  checkDuplicateIds(ctx, found)
  const names = assignNames(
    ctx,
    found.map((f) => ({ method: f.method, path: f.path, pointer: f.pointer, ...(f.operationId !== undefined ? { operationId: f.operationId } : {}) })),
  )
  const operations = found.map((f, i): Operation => {
    const op = f.operation
    const operation: Operation = {
      name: names[i]!,
      method: f.method,
      path: f.path,
      pointer: f.pointer,
      tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
      deprecated: op.deprecated === true,
      parameters: buildParameters(ctx, f.pathItem.parameters, f.pathItemPointer, op.parameters, f.pointer),
      responses: buildResponses(ctx, op.responses, f.pointer),
      security: resolveSecurity(op, f.pointer),
      hideForbidden: op['x-hide-forbidden'] === true,
      exposeScopes: typeof op['x-expose-scopes'] === 'boolean' ? op['x-expose-scopes'] : exposeScopes,
      credentialsExchange: op['x-credentials-exchange'] === true,
    }
    if (f.operationId !== undefined) operation.operationId = f.operationId
    if (str(op.summary) !== undefined) operation.summary = str(op.summary)
    if (str(op.description) !== undefined) operation.description = str(op.description)
    const body = buildRequestBody(ctx, op.requestBody, `${f.pointer}/requestBody`)
    if (body) operation.requestBody = body
    return operation
  })

  const mistakes = findMistakes(ctx, operations)
  if (mistakes.length > 0 && options.mistakes !== 'collect') fail(ctx, mistakes[0]!.code, mistakes[0]!.message, mistakes[0]!.pointer)

  const model: ApiModel = {
    openapiVersion: loaded.openapiVersion,
    title: str(info.title) ?? '',
    version: str(info.version) ?? '',
    exposeScopes,
    schemes,
    operations,
    schemas: buildSchemas(doc),
    diagnostics: ctx.diagnostics,
    mistakes,
    document: doc,
    sourceFile: loaded.file,
    locate: loaded.locate,
  }
  if (realm !== undefined) model.realm = realm
  return model
}

interface FoundOperation {
  method: HttpMethod
  path: string
  pointer: string
  pathItem: Obj
  pathItemPointer: string
  operation: Obj
  operationId?: string
}

function collectOperations(ctx: BuildContext): FoundOperation[] {
  const paths = isObj(ctx.doc.paths) ? ctx.doc.paths : {}
  const found: FoundOperation[] = []
  for (const [path, raw] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue
    const at = toPointer(['paths', path])
    const item = deref(ctx, raw, at)
    if (!item) continue
    for (const method of HTTP_METHODS) {
      const operation = item.value[method]
      if (!isObj(operation)) continue
      const pointer = `${at}/${method}`
      const entry: FoundOperation = { method, path, pointer, pathItem: item.value, pathItemPointer: at, operation }
      const id = str(operation.operationId)
      if (id !== undefined) entry.operationId = id
      found.push(entry)
    }
  }
  return found
}

/** operationIds must be unique (OpenAPI 3.1 §4.8.10.1); generated method names depend on it. */
function checkDuplicateIds(ctx: BuildContext, found: FoundOperation[]): void {
  const first = new Map<string, FoundOperation>()
  for (const f of found) {
    if (f.operationId === undefined) continue
    const earlier = first.get(f.operationId)
    if (earlier) {
      const where = ctx.loaded.locate(`${earlier.pointer}/operationId`)
      const also = where ? `line ${where.line}` : `#${earlier.pointer}`
      fail(ctx, 'duplicate-operation-id', `duplicate operationId "${f.operationId}" (also used by ${earlier.method.toUpperCase()} ${earlier.path} at ${also})`, `${f.pointer}/operationId`)
    }
    first.set(f.operationId, f)
  }
}

/**
 * Every spec mistake, one per place to fix (a shared parameter component names all the operations
 * it breaks), in source order when the document can be located.
 */
function findMistakes(ctx: BuildContext, operations: Operation[]): Mistake[] {
  const byPlace = new Map<string, Mistake>()
  for (const m of [...operations.flatMap((op) => pathParameterMistakes(op, ctx.pathRequired)), ...unknownTypeMistakes(ctx.doc)]) {
    const key = `${m.code}\0${m.pointer}\0${m.operations.length === 0 ? m.message : ''}`
    const earlier = byPlace.get(key)
    if (earlier) earlier.operations.push(...m.operations)
    else byPlace.set(key, m)
  }
  const found = [...byPlace.values()]
  if (found.length < 2) return found
  // Locating is lazy and only paid here, on the error path.
  const position = new Map(found.map((m) => [m, ctx.loaded.locate(m.pointer)]))
  const rank = (m: Mistake) => {
    const at = position.get(m)
    return at ? at.line * 1e6 + at.column : Number.MAX_SAFE_INTEGER
  }
  return found.sort((a, b) => rank(a) - rank(b))
}

function buildSchemas(doc: Obj): NamedSchema[] {
  const components = isObj(doc.components) ? doc.components : {}
  const schemas = isObj(components.schemas) ? components.schemas : {}
  return Object.entries(schemas).map(([name, schema]) => ({ name, schema: schema as NamedSchema['schema'], pointer: toPointer(['components', 'schemas', name]) }))
}
