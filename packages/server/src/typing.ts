// Type-level view of an openapi-typescript operation (`paths['/articles']['post']`) for handlers.
// Kept to a few conditional types that only resolve where a handler is written, so a spec with
// a thousand operations does not multiply type-checking work.
import type { Principal } from './principal.js'
import type { OAuthErrorCode, ReplyInit, StepUpOptions } from './reply.js'
import type { NamedStatus, STATUS_HELPERS } from './status-names.js'

declare const repliedStatus: unique symbol

/** What a `reply` helper returns: the status is part of the type, so an undeclared one cannot be returned. */
export interface Replied<S extends number> {
  readonly [repliedStatus]: S
}

type Present<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>

/** The parsed parameters of an operation: `{ path, query, header, cookie }` (empty objects where none are declared). */
export type ParamsOf<Op> = Op extends { parameters: infer P extends Record<string, unknown> }
  ? { path: Present<P['path']>; query: Present<P['query']>; header: Present<P['header']>; cookie: Present<P['cookie']> }
  : { path: Record<string, never>; query: Record<string, never>; header: Record<string, never>; cookie: Record<string, never> }

/** What a reply may send for a media type that is not JSON: bytes, a `Blob`, a stream (written as it is produced), or text. */
export type BinaryReply = Blob | Uint8Array | ReadableStream<Uint8Array> | string

type JsonMedia = `${string}json${string}`
type Streamed = 'text/event-stream' | `application/${'x-' | ''}${'ndjson' | 'jsonl' | 'jsonlines'}`

/** The handler's body for a request media type: parsed JSON/forms/multipart as typed, text as a string, other media types as bytes. */
type RequestMedia<M, T> = M extends JsonMedia | 'application/x-www-form-urlencoded' | `multipart/${string}` ? T : M extends `text/${string}` ? string : Uint8Array

/** What a reply helper takes for a response media type: the schema's type for JSON, bytes/Blob/stream/text otherwise. */
export type ReplyMedia<M, T> = M extends Streamed ? BinaryReply : M extends JsonMedia ? T : BinaryReply | T

type ContentOf<B> = B extends { content: infer C } ? { [M in keyof C]: RequestMedia<M, C[M]> }[keyof C] : never

/** The parsed request body: the union of the declared media types' schemas, `undefined` when optional or absent. */
export type BodyOf<Op> = Op extends { requestBody: infer B }
  ? [B] extends [undefined] ? undefined : undefined extends B ? ContentOf<NonNullable<B>> | undefined : ContentOf<B>
  : Op extends { requestBody?: infer B } ? ([NonNullable<B>] extends [never] ? undefined : ContentOf<NonNullable<B>> | undefined) : undefined

/** The declared responses of an operation. */
export type ResponsesOf<Op> = Op extends { responses: infer R } ? R : Record<never, never>

/** The body type of one declared response; `undefined` when it declares no content. */
export type ResponseBody<X> = X extends { content?: infer C }
  ? [NonNullable<C>] extends [never]
    ? undefined
    : { [M in keyof NonNullable<C>]: ReplyMedia<M, NonNullable<C>[M]> }[keyof NonNullable<C>]
  : undefined

type RangeKey<R> = Extract<keyof R, 'default' | `${number}XX`>

/** Statuses `send` accepts: the declared codes, or any code when a range (`4XX`) or `default` is declared. */
export type SendStatus<R> = (keyof R & number) | ([RangeKey<R>] extends [never] ? never : number)

type BodyAt<R, S> = S extends keyof R ? ResponseBody<R[S]> : ResponseBody<R[RangeKey<R>]>
type ResponseAt<R, S> = S extends keyof R ? R[S] : R[RangeKey<R>]

// `WWW-Authenticate` is the pipeline's to add (a 401 always gets its challenges), never the handler's duty.
// openapi-typescript adds `[name: string]: unknown` to every headers object: named keys only.
type NamedKeys<H> = keyof { [K in keyof H as string extends K ? never : number extends K ? never : K]: 0 }
type RequiredHeaderName<H> = {
  [K in NamedKeys<H>]-?: K extends string ? ({} extends Pick<H, K> ? never : Lowercase<K> extends 'www-authenticate' ? never : K) : never
}[NamedKeys<H>]

/**
 * The headers a response marks `required: true`, by lower-cased name (`{ location: string }`):
 * the reply helper of that status takes them as a required argument.
 */
export type RequiredHeaders<X> = X extends { headers: infer H } ? { [K in RequiredHeaderName<H> as Lowercase<K & string>]: string } : {}

/** `init` of a reply whose response declares required headers: an object of headers that has each of them. */
export interface ReplyInitWith<Required> extends Omit<ReplyInit, 'headers'> {
  headers: Required & Record<string, string>
}

/** The `init` parameter of a reply helper: optional, unless the response declares required headers. */
type InitArgs<X> = [keyof RequiredHeaders<X>] extends [never] ? [init?: ReplyInit] : [init: ReplyInitWith<RequiredHeaders<X>>]

type Args<B, X> = [B] extends [undefined] ? [body?: undefined, ...init: InitArgs<X>] : [body: B, ...init: InitArgs<X>]

type Helper<X, S extends number> = [ResponseBody<X>] extends [undefined]
  ? (...init: InitArgs<X>) => Replied<S>
  : (body: ResponseBody<X>, ...init: InitArgs<X>) => Replied<S>

/** The OAuth 2.0 error helpers of `x-credentials-exchange` operations (RFC 6749 §5.2). */
export interface ExchangeReply {
  /** `400 {"error":"invalid_grant"}`: wrong username/password, expired or revoked refresh token. */
  invalidGrant(description?: string): Replied<400>
  /** `401 {"error":"invalid_client"}` with a Basic challenge: client authentication failed. */
  invalidClient(description?: string, init?: ReplyInit): Replied<401>
  /** Any RFC 6749 §5.2 error: 401 for `invalid_client`, 400 otherwise. */
  oauthError<C extends OAuthErrorCode>(code: C, description?: string, init?: ReplyInit): Replied<C extends 'invalid_client' ? 401 : 400>
}

/** The `reply` object of an operation: a helper per declared status, `send`, `hidden`, `forbidden`, `stepUp`. */
export type Reply<Op, Exchange extends boolean = false> = {
  [S in keyof ResponsesOf<Op> & NamedStatus as (typeof STATUS_HELPERS)[S]]: Helper<ResponsesOf<Op>[S], S>
} & {
  /** Any declared status with its declared body. */
  send<S extends SendStatus<ResponsesOf<Op>>>(status: S, ...args: Args<BodyAt<ResponsesOf<Op>, S>, ResponseAt<ResponsesOf<Op>, S>>): Replied<S>
  /** The 404 of an unknown resource, byte for byte (for `x-hide-forbidden` and for real misses). */
  hidden(): Replied<404>
  /** A 403 problem: the caller is known but may not do this to this resource. */
  forbidden(): Replied<403>
  /** RFC 9470 §3: 401 `insufficient_user_authentication` with `acr_values` / `max_age`. */
  stepUp(options?: StepUpOptions): Replied<401>
} & (Exchange extends true ? ExchangeReply : unknown)

/** Every status a handler of `Op` may answer with. */
export type HandlerStatus<Op> = SendStatus<ResponsesOf<Op>> | 401 | 403 | 404

/**
 * The `principal` a handler sees, by who may call its operation: `required` (a requirement must hold),
 * `optional` (the anonymous `{}` alternative is allowed) or `none` (public). An indexed access, not a
 * conditional type, so generated `HandlerOf<K>` stays cheap to resolve.
 */
export interface PrincipalBy<P> {
  required: P
  optional: P | undefined
  none: undefined
}

/** What a handler receives besides `reply`. */
export interface OperationContext<Op, P> {
  params: ParamsOf<Op>
  body: BodyOf<Op>
  /** The principal of the requirement that held; `undefined` for public and anonymous (`{}`) calls. */
  principal: P
  /** Every scheme that authenticated, by scheme name. */
  principals: Readonly<Record<string, Principal>>
  request: Request
  operation: string
}

/** A handler of operation `Op`; `P` is the principal type (with `| undefined` when anonymous calls are allowed). */
export type OperationHandler<Op, P, Exchange extends boolean = false> = (
  context: OperationContext<Op, P>,
  reply: Reply<Op, Exchange>,
) => Replied<HandlerStatus<Op>> | Promise<Replied<HandlerStatus<Op>>>
