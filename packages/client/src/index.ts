// @gatehouse/client: the runtime of generated clients. Web APIs only.
export { createRuntimeClient, type OperationEncoding, type OperationInfo } from './client.js'
export { apiKeyCredential, basicCredential, bearerCredential } from './auth/schemes.js'
export type { BoundCredential, Credential, CredentialBinder } from './auth/credentials.js'
export { RequestError, ResultError, type RequestErrorCode } from './errors.js'
export { staticToken, type BasicCredentials, type RefreshContext, type TokenSource } from './auth/token-source.js'
export {
  clientCredentials,
  refreshTokenGrant,
  type ClientCredentialsOptions,
  type RefreshTokenGrantOptions,
  type TokenEndpointOptions,
  type TokenStorage,
} from './auth/oauth.js'
export { crossTab, type CrossTabOptions } from './auth/cross-tab.js'
export { authorizationCodeWithPkce, type AuthorizationCodeWithPkceOptions, type PkceSignIn } from './auth/pkce.js'
export type { TokenSet } from './auth/shared.js'
export type { AuthOptions, CredentialFor, DpopSigner, FetchLike, RuntimeOptions } from './options.js'
export type { BinaryBody, CallInit, CallOptions } from './request/init.js'
export type { ServerSentEvent } from './result/stream.js'
export type { HeadersLike } from './request/headers.js'
export type { Middleware, MiddlewareContext } from './request/middleware.js'
export type { RetryOptions } from './request/retry.js'
export type { QueryStyle } from './request/url.js'
export type { RawClient } from './raw.js'
export type { ResponseSchema, ResponseSchemas, ValidateOption } from './validate.js'
export type {
  BadRequestResult,
  ClientErrorStatus,
  ErrorStatus,
  FailureResult,
  ForbiddenResult,
  OperationResult,
  ReauthSkipped,
  ServerErrorStatus,
  SuccessResult,
  SuccessStatus,
  UnauthorizedResult,
} from './result/types.js'
export type { BearerError, Challenge, InvalidParam, Problem, StepUp } from './http-auth.js'
export type { OperationMethod, ResultOf } from './operation.js'
export { createRuntimeQueries, type OperationQueries, type Queries, type QueryData, type QueryError, type QueryInput, type QueryKey } from './query.js'
