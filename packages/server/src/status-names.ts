/**
 * The `reply` helper for each status (RFC 9110 §15 reason phrases in camelCase). 403 and 404
 * are missing on purpose: `forbidden()` and `hidden()` exist on every operation, and a custom
 * 403/404 body goes through `send`.
 */
export const STATUS_HELPERS = {
  200: 'ok', 201: 'created', 202: 'accepted', 203: 'nonAuthoritativeInformation', 204: 'noContent',
  205: 'resetContent', 206: 'partialContent', 207: 'multiStatus',
  300: 'multipleChoices', 301: 'movedPermanently', 302: 'found', 303: 'seeOther', 304: 'notModified',
  307: 'temporaryRedirect', 308: 'permanentRedirect',
  400: 'badRequest', 401: 'unauthorized', 402: 'paymentRequired', 405: 'methodNotAllowed',
  406: 'notAcceptable', 408: 'requestTimeout', 409: 'conflict', 410: 'gone', 411: 'lengthRequired',
  412: 'preconditionFailed', 413: 'contentTooLarge', 415: 'unsupportedMediaType', 422: 'unprocessableContent',
  423: 'locked', 428: 'preconditionRequired', 429: 'tooManyRequests',
  500: 'internalServerError', 501: 'notImplemented', 502: 'badGateway', 503: 'serviceUnavailable', 504: 'gatewayTimeout',
} as const

/** Statuses that have a named helper. */
export type NamedStatus = keyof typeof STATUS_HELPERS
