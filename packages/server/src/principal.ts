/** Who the verifier says the caller is: `scopes` holds OAuth scopes or OpenAPI 3.1 roles. */
export interface Principal {
  subject?: string | undefined
  scopes: readonly string[]
}

type MaybePromise<T> = T | Promise<T>

/** Verifies a bearer token (http bearer, oauth2, openIdConnect); `undefined` means invalid (RFC 6750 §3.1). */
export type BearerVerifier<P extends Principal = Principal> = (token: string, request: Request) => MaybePromise<P | undefined>

/** Verifies an API key from a header, query parameter or cookie; `undefined` means invalid. */
export type ApiKeyVerifier<P extends Principal = Principal> = (key: string, request: Request) => MaybePromise<P | undefined>

/** Verifies HTTP Basic credentials (RFC 7617); `undefined` means invalid. */
export type BasicVerifier<P extends Principal = Principal> = (
  username: string,
  password: string,
  request: Request,
) => MaybePromise<P | undefined>

/** Any of the verifiers, as the runtime stores them. */
export type AnyVerifier = (...args: never[]) => MaybePromise<Principal | undefined>
