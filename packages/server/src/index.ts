export { createApp, notFound, type App, type AppOptions, type ErrorContext } from './app.js'
export type { MultipartLimits } from './multipart/index.js'
export type { CorsOptions } from './cors.js'
export type {
  ApiDefinition,
  OperationDefinition,
  OperationSchemas,
  ParameterDefinition,
  SchemeDefinition,
  SchemeRequirement,
} from './definition.js'
export { toNodeHandler, type NodeHandler } from './node.js'
export { Outgoing, problemOut, type HeaderList, type ProblemFields } from './outgoing.js'
export type { AnyVerifier, ApiKeyVerifier, BasicVerifier, BearerVerifier, Principal } from './principal.js'
export { oauthError, type OAuthErrorCode, type ReplyInit, type StepUpOptions } from './reply.js'
export type {
  BinaryReply,
  BodyOf,
  ExchangeReply,
  HandlerStatus,
  OperationContext,
  OperationHandler,
  ParamsOf,
  PrincipalBy,
  Replied,
  Reply,
  ResponseBody,
  ResponsesOf,
  SendStatus,
} from './typing.js'
