// The result union of an operation, computed from openapi-typescript's
// `paths[path][method]` type. Kept to a few generic aliases evaluated on use,
// so a spec with a thousand operations costs the checker little until called.
import type { BearerError, Challenge, ChallengeParseError, InvalidParam, Problem, StepUp } from '../http-auth.js'
import type { ServerSentEvent } from './stream.js'

/** 2xx codes of the IANA HTTP status code registry. */
export type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226
/** 4xx codes of the IANA HTTP status code registry (RFC 9110 §15.5 and later RFCs). */
export type ClientErrorStatus =
  | 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415 | 416 | 417 | 418
  | 421 | 422 | 423 | 424 | 425 | 426 | 428 | 429 | 431 | 451
/** 5xx codes of the IANA HTTP status code registry (RFC 9110 §15.6 and later RFCs). */
export type ServerErrorStatus = 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511
/** Every status a failure result can carry. */
export type ErrorStatus = ClientErrorStatus | ServerErrorStatus

/** Why a 401 was returned without trying a refreshed token. */
export type ReauthSkipped =
  /** The request body is a stream, read by the first attempt: it cannot be sent again. */
  | 'body-not-replayable'
  /** The operation is a credentials exchange (`x-credentials-exchange`): its 401 means wrong credentials, not an old token. */
  | 'credentials-exchange'
  /** No credential of the request can be renewed: none sent, no `refresh`, or the challenge does not ask for a new token. */
  | 'not-renewable'
  /** `refresh` threw or returned nothing (now or earlier for the same token). */
  | 'refresh-failed'

/** A declared success. */
export interface SuccessResult<S extends number, D> {
  ok: true
  status: S
  /**
   * The body, read by content type: JSON → value, text → string, none → undefined,
   * `text/event-stream` → an async iterable of events, newline-delimited JSON → of values
   * (both read as they arrive), any other media type → `Blob`.
   */
  data: D
  response: Response
}

/** Any failure: `error` is the body as the spec declares it for `status`; `problem` its RFC 9457 reading when it is one. */
export interface FailureResult<S extends number, E> {
  ok: false
  status: S
  error: E
  problem: Problem | undefined
  response: Response
}

/** 400: the request was malformed; `invalidParams` lists what (RFC 7807 `invalid-params` or RFC 9457 `errors`; `[]` if the body said nothing). */
export interface BadRequestResult<E = unknown> extends FailureResult<400, E> {
  invalidParams: InvalidParam[]
}

/** 401: no or bad credentials (RFC 9110 §15.5.2), with what the server's `WWW-Authenticate` asked for. */
export interface UnauthorizedResult<E = unknown> extends FailureResult<401, E> {
  /** The parsed challenges (RFC 9110 §11.6.1); `[]` when the header was missing or malformed. */
  challenges: Challenge[]
  /** Set when `WWW-Authenticate` could not be parsed. */
  challengeError?: ChallengeParseError
  /** The RFC 6750 §3 error of the Bearer challenge, if any. */
  bearer: BearerError | undefined
  /** RFC 9470: the server wants a stronger or fresher authentication; not retried. */
  stepUp: StepUp | undefined
  /** A refreshed token was tried and the replay got this 401 as well. */
  reauthenticated: boolean
  /** Why no refreshed token was tried, when none was. */
  reauthSkipped?: ReauthSkipped
  /**
   * With `reauthSkipped: 'refresh-failed'`: what the token source threw, now or when it last failed
   * for this token: its `refresh` after a 401, or its `getToken` before the request (which then went
   * out without the token). For `refreshTokenGrant` and `clientCredentials` it is
   * oauth4webapi's `ResponseBodyError`, whose `error`, `error_description` and `status` are the
   * token endpoint's answer (RFC 6749 §5.2), e.g. `invalid_client`.
   */
  reauthError?: unknown
}

/** 403: authenticated but not allowed (RFC 9110 §15.5.4). */
export interface ForbiddenResult<E = unknown> extends FailureResult<403, E> {
  /** The challenge's `scope` (RFC 6750 §3), else the problem's `required-scopes`, else the scopes the spec lists for the operation. */
  requiredScopes: string[]
}

type Responses<Op> = Op extends { responses: infer R } ? R : {}
/**
 * What the client reads for media type `M` whose schema type is `T` (result/build.ts's `buildResult`):
 * streams as async iterables, JSON and text as typed, anything else as a `Blob`.
 */
export type MediaBody<M, T> = M extends `text/event-stream${string}`
  ? AsyncIterable<ServerSentEvent>
  : M extends `application/${'x-' | ''}${'ndjson' | 'jsonl' | 'jsonlines'}${string}`
    ? AsyncIterable<T>
    : M extends `${string}json${string}` | `text/${string}`
      ? T
      : Blob
type Content<R> = R extends { content: infer C } ? { [M in keyof C]: MediaBody<M, C[M]> }[keyof C] : undefined
type Num<K> = K extends number ? K : K extends `${infer N extends number}` ? N : never
type Declared<R> = Num<keyof R>
type InClass<K, D extends string> = K extends number ? (`${K}` extends `${D}${string}` ? K : never) : never
type Default<R> = 'default' extends keyof R ? Content<R['default']> : unknown
type Ranged<R, X extends string> = X extends keyof R ? Content<R[X]> : Default<R>
/** The body the spec declares for status `S`: explicit, else its `4XX`/`5XX` range, else `default`, else unknown. */
type BodyFor<R, S extends number> = S extends keyof R
  ? Content<R[S]>
  : `${S}` extends keyof R
    ? Content<R[`${S}` & keyof R]>
    : Ranged<R, `${S}` extends `4${string}` ? '4XX' : '5XX'>

type Special = 400 | 401 | 403
type Successes<R> = InClass<Declared<R>, '2'>
type OtherDeclared<R> = Exclude<InClass<Declared<R>, '4'> | InClass<Declared<R>, '5'>, Special>
type RangeMember<R, X extends string, All extends number> = X extends keyof R ? NonEmpty<Exclude<All, Special | Declared<R>>, Content<R[X]>> : never
type Covered<R> = ('4XX' extends keyof R ? ClientErrorStatus : never) | ('5XX' extends keyof R ? ServerErrorStatus : never)
type Rest<R> = Exclude<ErrorStatus, Special | Declared<R> | Covered<R>>
type NonEmpty<S extends number, E> = [S] extends [never] ? never : FailureResult<S, E>

type SuccessOf<R> = [Successes<R>] extends [never]
  ? SuccessResult<SuccessStatus, Default<R>>
  : { [S in Successes<R>]: SuccessResult<S, Content<R[S & keyof R]>> }[Successes<R>]

/**
 * The result of calling an operation (`Op` = `paths[path][method]`), discriminated
 * by `status`: one member per declared success, 400/401/403 with their parsed
 * extras, one per other declared failure, the `4XX`/`5XX` ranges, and one for
 * every remaining status.
 */
export type OperationResult<Op> = ResultOf<Responses<Op>>
type ResultOf<R> =
  | SuccessOf<R>
  | BadRequestResult<BodyFor<R, 400>>
  | UnauthorizedResult<BodyFor<R, 401>>
  | ForbiddenResult<BodyFor<R, 403>>
  | { [S in OtherDeclared<R>]: FailureResult<S, BodyFor<R, S>> }[OtherDeclared<R>]
  | RangeMember<R, '4XX', ClientErrorStatus>
  | RangeMember<R, '5XX', ServerErrorStatus>
  | NonEmpty<Rest<R>, Default<R>>
