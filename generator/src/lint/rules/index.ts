import type { LintRule } from '../types.js'
import { authStatusForMalformedRequest } from './auth-status-for-malformed-request.js'
import { badCredentialsNot401 } from './bad-credentials-not-401.js'
import { credentialsExchange403 } from './credentials-exchange-403.js'
import { credentialsExchangeRequiresToken } from './credentials-exchange-requires-token.js'
import { errorDescriptionOn401 } from './error-description-on-401.js'
import { errorResponseNotProblemJson } from './error-response-not-problem-json.js'
import { forbiddenOnPublic } from './forbidden-on-public.js'
import { forbiddenWithoutChallenge } from './forbidden-without-challenge.js'
import { hideForbiddenOnPublic } from './hide-forbidden-on-public.js'
import { hideForbiddenWith403 } from './hide-forbidden-with-403.js'
import { hideForbiddenWithout404 } from './hide-forbidden-without-404.js'
import { hideForbiddenWithoutPathParameter } from './hide-forbidden-without-path-parameter.js'
import { missing401 } from './missing-401.js'
import { pathParameterMismatch } from './path-parameter-mismatch.js'
import { missing403 } from './missing-403.js'
import { unauthorizedOnPublic } from './unauthorized-on-public.js'
import { unauthorizedWithoutChallenge } from './unauthorized-without-challenge.js'
import { undeclaredPipelineStatus } from './undeclared-pipeline-status.js'
import { undeclaredScope } from './undeclared-scope.js'
import { undeclaredSecurityScheme } from './undeclared-security-scheme.js'
import { unknownSchemaType } from './unknown-schema-type.js'
import { unusedScope } from './unused-scope.js'

/** Every rule `gatehouse lint` runs, in reporting order for findings at the same place. */
export const rules: readonly LintRule[] = [
  pathParameterMismatch,
  unknownSchemaType,
  undeclaredSecurityScheme,
  undeclaredScope,
  missing401,
  unauthorizedWithoutChallenge,
  unauthorizedOnPublic,
  missing403,
  forbiddenWithoutChallenge,
  forbiddenOnPublic,
  hideForbiddenWith403,
  hideForbiddenWithoutPathParameter,
  hideForbiddenWithout404,
  hideForbiddenOnPublic,
  authStatusForMalformedRequest,
  badCredentialsNot401,
  credentialsExchange403,
  credentialsExchangeRequiresToken,
  errorDescriptionOn401,
  errorResponseNotProblemJson,
  undeclaredPipelineStatus,
  unusedScope,
]

/** The ids of all rules, for option validation and `--rule-off`. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.id)
