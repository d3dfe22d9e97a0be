/**
 * The normalized model of an OpenAPI document: the only thing emitters and the
 * linter read. Built by `buildModel()` (model/build.ts) from a loaded, bundled
 * document. Plain data, JSON-serializable except for `document`.
 *
 * Conventions:
 * - `pointer` fields are RFC 6901 JSON pointers into the *root* document
 *   (`/paths/~1articles/post`), used for diagnostics; `ApiModel.locate` turns
 *   one into a `file:line:col`.
 * - Order is deterministic: operations in document order of paths, then
 *   methods in `HTTP_METHODS` order; schemes and schemas in document order.
 */

/** The operation methods of a Path Item Object (OpenAPI 3.1 §4.8.9), in the order operations are listed. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
/** One of `HTTP_METHODS`. */
export type HttpMethod = (typeof HTTP_METHODS)[number]

/** A JSON Schema object as found in the bundled document (refs to `#/components/schemas/*` kept as `$ref`). */
export type JsonSchema = { [key: string]: unknown } | boolean

/** Where a parameter travels (OpenAPI 3.1 §4.8.12.1 `in`). */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie'

/** A path-, query-, header- or cookie parameter, dereferenced, with style and explode defaulted. */
export interface Parameter {
  name: string
  in: ParameterLocation
  required: boolean
  /** OpenAPI `style`, defaulted per location (form for query/cookie, simple for path/header). */
  style: string
  /** OpenAPI `explode`, defaulted (true for style form, false otherwise). */
  explode: boolean
  allowReserved: boolean
  deprecated: boolean
  description?: string
  /** The parameter's schema; for `content`-style parameters, the schema of its single media type. */
  schema?: JsonSchema
  /** Set when the parameter uses `content` instead of `schema` (e.g. a JSON-encoded query parameter). */
  contentType?: string
  pointer: string
}

/** One entry of a `content` map: the media type and its schema. */
export interface MediaType {
  /** e.g. `application/json`, `application/problem+json`, `multipart/form-data`. */
  type: string
  schema?: JsonSchema
  /** multipart: the `encoding` object's `contentType` per field, where declared (a comma-separated list of types or ranges). */
  partTypes?: Record<string, string>
  /** multipart/form-data: the fields whose parts are JSON (a JSON `encoding` contentType, else an object or array-of-objects property). */
  jsonParts?: string[]
  pointer: string
}

/** A request body, dereferenced, per media type in document order. */
export interface RequestBody {
  required: boolean
  description?: string
  content: MediaType[]
  pointer: string
}

/** A header a response declares. */
export interface ResponseHeader {
  name: string
  required: boolean
  description?: string
  schema?: JsonSchema
}

/** One declared response of an operation. */
export interface Response {
  /** `'200'`, `'4XX'` (uppercase `XX`), or `'default'`, as written in the spec. */
  status: string
  description: string
  headers: ResponseHeader[]
  content: MediaType[]
  pointer: string
}

/** One scheme inside a requirement, with the scopes (oauth2) or roles (3.1, other schemes) it demands. */
export interface SchemeRequirement {
  scheme: string
  scopes: string[]
}

/** All of these schemes must pass (AND). An empty list is the "optional" requirement `{}`. */
export interface Requirement {
  schemes: SchemeRequirement[]
}

/** An operation's effective security: the operation's `security`, else the root's. */
export interface ResolvedSecurity {
  /** Any one of these suffices (OR). Empty = public (`security: []` or none declared anywhere). */
  alternatives: Requirement[]
  /** No alternatives at all: the operation is public. */
  public: boolean
  /** Some alternative is `{}`: anonymous callers are let through. */
  optional: boolean
  /** Where the effective list came from. */
  source: 'operation' | 'root' | 'none'
}

/** The OAuth 2.0 grant of a flow (RFC 6749 §4). */
export type OAuthFlowKind = 'implicit' | 'password' | 'clientCredentials' | 'authorizationCode'

/** One flow of an oauth2 scheme with its endpoints and declared scopes. */
export interface OAuthFlow {
  kind: OAuthFlowKind
  authorizationUrl?: string
  tokenUrl?: string
  refreshUrl?: string
  /** Declared scopes, name → description, in document order. */
  scopes: Record<string, string>
}

interface SchemeBase {
  name: string
  description?: string
  /** `x-realm` of the scheme, else of the root document. */
  realm?: string
  pointer: string
}

/** A `components.securitySchemes` entry, dereferenced, by type. */
export type SecurityScheme =
  | (SchemeBase & { type: 'http'; scheme: string; bearerFormat?: string })
  | (SchemeBase & { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string })
  | (SchemeBase & { type: 'oauth2'; flows: OAuthFlow[] })
  | (SchemeBase & { type: 'openIdConnect'; openIdConnectUrl: string })
  | (SchemeBase & { type: 'mutualTLS' })

/**
 * How the credential of a scheme travels on the wire, for runtime code:
 * http bearer, oauth2 and openIdConnect → `bearer`; http basic → `basic`;
 * apiKey → `apiKey`; anything else (mutualTLS, digest, …) → `unsupported`.
 */
export type CredentialKind = 'bearer' | 'basic' | 'apiKey' | 'unsupported'

/** One operation of the document, normalized for the emitters. */
export interface Operation {
  /** Identifier used for generated names: `operationId` (sanitized), else derived from method + path. */
  name: string
  operationId?: string
  method: HttpMethod
  /** Path template as in the spec, e.g. `/articles/{id}`. */
  path: string
  pointer: string
  summary?: string
  description?: string
  tags: string[]
  deprecated: boolean
  /** Path-level and operation-level parameters merged (operation wins), grouped by location. */
  parameters: Record<ParameterLocation, Parameter[]>
  requestBody?: RequestBody
  /** In document order. */
  responses: Response[]
  security: ResolvedSecurity
  /** `x-hide-forbidden: true`: an authenticated caller who is not allowed gets 404. */
  hideForbidden: boolean
  /** `x-expose-scopes` (operation, else root; default true): 403 lists the required scopes. */
  exposeScopes: boolean
  /** `x-credentials-exchange: true`: a login/token endpoint; its 401 never triggers re-authentication. */
  credentialsExchange: boolean
}

/** A `components.schemas` entry. */
export interface NamedSchema {
  /** Key under `components.schemas`, exactly as written. */
  name: string
  schema: JsonSchema
  pointer: string
}

/** How bad a diagnostic is; errors throw, so the model only carries warnings. */
export type Severity = 'error' | 'warning'

/** A warning found while building the model. */
export interface Diagnostic {
  severity: Severity
  /** Stable id, e.g. `undeclared-scope`, `operation-name-collision`. */
  code: string
  message: string
  pointer?: string
}

/** Stable ids of spec mistakes (model/mistakes.ts); the lint rules of the same names report them. */
export type MistakeCode = 'path-parameter-mismatch' | 'unknown-schema-type'

/**
 * A spec mistake that would make requests fail at run time. `generate` stops on the first
 * (a `GatehouseError` with the same code); a model built with `{ mistakes: 'collect' }` lists them.
 */
export interface Mistake {
  code: MistakeCode
  message: string
  /** Where to fix it. */
  pointer: string
  /** The operations it breaks, by model name (empty for schemas). */
  operations: string[]
}

/** A 1-based position in a source file. */
export interface SourceLocation {
  file: string
  line: number
  column: number
}

/** The normalized document: what every emitter and the linter read. */
export interface ApiModel {
  /** `3.0` or `3.1`. */
  openapiVersion: '3.0' | '3.1'
  title: string
  version: string
  /** Root `x-realm`. */
  realm?: string
  /** Root `x-expose-scopes` (default true). */
  exposeScopes: boolean
  schemes: SecurityScheme[]
  operations: Operation[]
  schemas: NamedSchema[]
  /** Warnings found while building the model (errors throw instead). */
  diagnostics: Diagnostic[]
  /** Spec mistakes in source order; only a model built with `{ mistakes: 'collect' }` (lint) can have any. */
  mistakes?: Mistake[]
  /** The bundled document (all external refs inlined). Only the types emitter and the linter read it. */
  document: Record<string, unknown>
  /** Absolute path or URL of the root document. */
  sourceFile: string
  /** Where a pointer of the root document was written (best effort; undefined if unknown). */
  locate(pointer: string): SourceLocation | undefined
}
