// `@gatehouse/http-auth/problem`: RFC 9457 problem details, building and reading.
export { problem, problemJson, PROBLEM_JSON } from './create.js'
export { parseProblem } from './parse.js'
export { statusText } from './status-text.js'
export type { InvalidParam, Problem, ProblemDetails } from './types.js'
