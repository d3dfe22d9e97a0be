import type { $ZodType } from 'zod/v4/core'

/**
 * The static description of an API that a generated `server.ts` hands to `createApp`:
 * plain data taken from `security.ts` and `schemas.ts`, so the runtime never reads OpenAPI.
 */
export interface ApiDefinition {
  /** Root `x-realm` of the document, the realm of schemes that declare none. */
  realm?: string | undefined
  schemes: Readonly<Record<string, SchemeDefinition>>
  operations: Readonly<Record<string, OperationDefinition>>
}

/** A security scheme as `security.ts` writes it; `credential` says how its credential travels. */
export interface SchemeDefinition {
  type: string
  credential: 'bearer' | 'basic' | 'apiKey' | 'unsupported'
  /** `x-realm` of the scheme, else of the root document. */
  realm?: string | undefined
  /** apiKey only: where the key travels and under which name. */
  in?: 'header' | 'query' | 'cookie' | undefined
  name?: string | undefined
}

/** One scheme of a requirement with the scopes (oauth2) or roles (OpenAPI 3.1) it demands. */
export interface SchemeRequirement {
  scheme: string
  scopes: readonly string[]
}

/** One operation: route, resolved security, parameter metadata, body media types and zod schemas. */
export interface OperationDefinition {
  method: string
  path: string
  /** Alternatives (OR) of requirements (AND); `[]` is public, an empty requirement is the optional `{}`. */
  security: readonly (readonly SchemeRequirement[])[]
  hideForbidden: boolean
  exposeScopes: boolean
  credentialsExchange: boolean
  parameters?: readonly ParameterDefinition[] | undefined
  /** Declared request body: whether it is required and its media types in spec order. */
  body?:
    | {
        required: boolean
        types: readonly string[]
        /** multipart: media type → field → the `encoding` `contentType` its parts must have (types or ranges, comma-separated). */
        partTypes?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined
        /** multipart: media type → the fields whose parts are JSON-decoded before validation (a JSON `encoding` contentType, else an object or array-of-objects property). */
        jsonParts?: Readonly<Record<string, readonly string[]>> | undefined
      }
    | undefined
  /** Declared responses: status (`'200'`, `'4XX'`, `'default'`) → media types in spec order. */
  responses: Readonly<Record<string, readonly string[]>>
  /** Per declared status, the response headers the spec marks `required: true` (lower-cased; never `www-authenticate`). */
  requiredHeaders?: Readonly<Record<string, readonly string[]>> | undefined
  schemas?: OperationSchemas | undefined
}

/** How one parameter is read off the wire (OpenAPI `style`/`explode`). */
export interface ParameterDefinition {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  style: string
  explode: boolean
  /** The schema is an array: values are collected/split per style. */
  array?: boolean | undefined
  /** The schema is an object (deepObject and form-explode objects). */
  object?: boolean | undefined
  /** A `content` parameter carrying JSON. */
  json?: boolean | undefined
  /** A password-like value that must never appear in an error. */
  secret?: boolean | undefined
}

/** The zod schemas of one operation, as `schemas.ts` exports them (docs/internals.md). */
export interface OperationSchemas {
  path?: $ZodType | undefined
  query?: $ZodType | undefined
  header?: $ZodType | undefined
  cookie?: $ZodType | undefined
  body?: { required: boolean; content: Readonly<Record<string, $ZodType>> } | undefined
  responses?: Readonly<Record<string, Readonly<Record<string, $ZodType>>>> | undefined
  /** Per declared status, its headers as one object schema keyed by lower-cased name (development mode's reply check only). */
  headers?: Readonly<Record<string, $ZodType>> | undefined
}
