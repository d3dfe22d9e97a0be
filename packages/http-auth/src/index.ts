// The whole package; `@gatehouse/http-auth/challenge`, `/problem` and `/retry-after` are
// the same exports split by concept, for bundles that want one without the others.
export * from './challenge/index.js'
export * from './problem/index.js'
export { parseRetryAfter } from './retry-after.js'
export { CredentialsParseError, parseAuthorization, type Credentials, type CredentialsParseErrorCode } from './authorization.js'
export { decodeBasicCredentials, encodeBasicCredentials } from './basic.js'
