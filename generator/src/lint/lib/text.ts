/**
 * Reading response descriptions. Descriptions are prose, so each check works on
 * clauses (split at punctuation) and looks for a cue *and* the absence of a
 * counter-cue in the same clause: "malformed token" is about credentials, not
 * about the request's shape; "two bearer tokens" is a malformed request
 * (RFC 6750 §3.1 `invalid_request` → 400), not bad credentials.
 */

const CREDENTIAL_NOUN = String.raw`(?:(?:access|bearer|auth(?:entication|orization)?|api|id|refresh|jwt|session|oauth2?)[ _-]?)?(?:tokens?|credentials?|jwts?|api[ _-]?keys?|passwords?|signatures?|sessions?|authorization header)`

/** Mentions a credential: token, credentials, API key, password, Authorization header… */
const MENTIONS_CREDENTIAL = new RegExp(String.raw`\b${CREDENTIAL_NOUN}\b|\bapi[ _-]?key\b|\busername\b|\blog ?in\b`, 'i')

const MALFORMED_REQUEST: RegExp[] = [
  /\bbad request\b/i,
  /\b(?:malformed|badly[ -]formed|ill[ -]formed)\b/i,
  /\binvalid[ -](?:request|input|parameters?|params?|arguments?|payload|body|json|data|query|format|syntax|fields?|values?)\b/i,
  /\b(?:request|input|parameters?|params?|payload|body|json|query|fields?)\b(?: \w+)? (?:is|are|was|were) (?:invalid|malformed|missing|not valid)\b/i,
  /\bvalidation (?:error|errors|failed|failure)\b|\bfailed validation\b/i,
  /\bmissing (?:required )?(?:parameters?|fields?|propert(?:y|ies)|arguments?|body)\b/i,
  /\bsyntax error\b|\bunprocessable\b|\b(?:could not|cannot|unable to) (?:be )?parse/i,
  /\binvalid_request\b/,
]

const BAD_CREDENTIALS: RegExp[] = [
  new RegExp(String.raw`\b(?:invalid|bad|wrong|incorrect|expired|revoked|unknown|unrecognized|missing|no|absent|forged|unverified)[ -](?:or [a-z]+ )?${CREDENTIAL_NOUN}\b`, 'i'),
  new RegExp(String.raw`\b${CREDENTIAL_NOUN}\b(?: \w+)? (?:is|are|was|were|has|have)?(?: been)? ?(?:invalid|expired|revoked|wrong|incorrect|not valid|unknown)\b`, 'i'),
  // A username alone is usually a resource name ("Invalid username supplied" for /user/{username}).
  /\b(?:invalid|bad|wrong|incorrect|unknown)\s+(?:user ?name|login|e-?mail)\s*(?:or|and|\/)\s*password\b/i,
  /\binvalid_token\b/,
  /\bunauthenticated\b|\bnot (?:authenticated|logged in|signed in)\b/i,
  /\bauthentication (?:failed|failure|error|is required|required)\b|\b(?:failed|invalid) authentication\b/i,
]

/** "Unauthorized" is the 401 reason phrase, so it means bad credentials on a 400, but on a 403 it is just prose for "not allowed". */
const UNAUTHORIZED = /\bunauthori[sz]ed\b/i

/** Credentials present but malformed (duplicated, empty): a legitimate 400 per RFC 6750 §3.1. */
const MALFORMED_CREDENTIALS = /\b(?:malformed|badly[ -]formed|ill[ -]formed|invalid_request)\b|\b(?:two|multiple|more than one|several|duplicate[ds]?)\b.*\b(?:tokens?|credentials|authorization)\b|\bempty (?:bearer |access )?(?:tokens?|authorization)\b/i

function clauses(text: string): string[] {
  return text.split(/[.;:,()\n\u2014]|\s-\s/).map((clause) => clause.trim()).filter(Boolean)
}

/** The first clause that says the request itself is malformed (and is not about credentials), if any. */
export function describesMalformedRequest(description: string): string | undefined {
  return clauses(description).find(
    (clause) => !MENTIONS_CREDENTIAL.test(clause) && MALFORMED_REQUEST.some((cue) => cue.test(clause)),
  )
}

/**
 * The first clause that says credentials are missing, invalid or expired (not merely malformed), if any.
 * @param status the status the description belongs to; a bare "unauthorized" counts only outside 403.
 */
export function describesBadCredentials(description: string, status: string): string | undefined {
  const cues = status === '403' ? BAD_CREDENTIALS : [...BAD_CREDENTIALS, UNAUTHORIZED]
  return clauses(description).find((clause) => !MALFORMED_CREDENTIALS.test(clause) && cues.some((cue) => cue.test(clause)))
}

/** `error_description` (RFC 6750 §3) or a spelling of it, in prose or examples. */
export const ERROR_DESCRIPTION = /\berror[_-]?description\b/i
