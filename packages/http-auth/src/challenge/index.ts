// `@gatehouse/http-auth/challenge`: WWW-Authenticate challenges (RFC 9110 §11) and the
// schemes' own parameters. A subpath of its own so that a bundle importing only these
// (a browser client's error path) is not tied to the Retry-After or problem modules:
// bundlers that split by file (esbuild) put everything a shared entry reaches in one chunk.
export { parseChallenges, parseChallengesFromHeaders } from './parse.js'
export { formatChallenge, formatChallenges } from './format.js'
export { ChallengeParseError, type Challenge, type ChallengeParseErrorCode } from './types.js'
export {
  bearerChallenge,
  readBearerError,
  statusForBearerError,
  type BearerChallengeOptions,
  type BearerError,
  type BearerErrorCode,
} from '../bearer.js'
export { readStepUp, stepUpChallenge, STEP_UP_ERROR, type StepUp, type StepUpChallengeOptions } from '../step-up.js'
export { dpopChallenge, readDpopChallenge, type DpopChallengeInfo, type DpopChallengeOptions } from '../dpop.js'
export { readResourceMetadata } from '../resource-metadata.js'
