export { parseChallenges, parseChallengesFromHeaders } from './challenge/parse.js'
export { formatChallenge, formatChallenges } from './challenge/format.js'
export { ChallengeParseError, type Challenge, type ChallengeParseErrorCode } from './challenge/types.js'
export {
  bearerChallenge,
  readBearerError,
  statusForBearerError,
  type BearerChallengeOptions,
  type BearerError,
  type BearerErrorCode,
} from './bearer.js'
export { readStepUp, stepUpChallenge, STEP_UP_ERROR, type StepUp, type StepUpChallengeOptions } from './step-up.js'
export { dpopChallenge, readDpopChallenge, type DpopChallengeInfo, type DpopChallengeOptions } from './dpop.js'
export { readResourceMetadata } from './resource-metadata.js'
export { problem, problemJson, PROBLEM_JSON } from './problem/create.js'
export { parseProblem } from './problem/parse.js'
export { statusText } from './problem/status-text.js'
export type { InvalidParam, Problem, ProblemDetails } from './problem/types.js'
export { parseRetryAfter } from './retry-after.js'
export { CredentialsParseError, parseAuthorization, type Credentials, type CredentialsParseErrorCode } from './authorization.js'
export { decodeBasicCredentials, encodeBasicCredentials } from './basic.js'
