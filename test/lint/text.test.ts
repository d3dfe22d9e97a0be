import { describe, expect, it } from 'vitest'
import { describesBadCredentials, describesMalformedRequest } from '../../generator/src/lint/lib/text.js'

// Descriptions as found in real specs and in the seed; `true` = the cue must be found.
const malformed: [string, boolean][] = [
  ['Bad Request', true], // the seed's Flask-JWT fix: "401 Bad Request"
  ['The request is malformed', true],
  ['Invalid input parameters', true],
  ['Validation failed', true],
  ['Forbidden: the request body is invalid', true],
  ['Missing required parameter `name`', true],
  ['error="invalid_request"', true],
  ['Missing or invalid credentials', false],
  ['Missing, malformed or expired access token', false],
  ['The access token is malformed', false],
  ['Unauthorized', false],
  ['The access token lacks a required scope', false],
  ['Invalid API key format', false],
]

const badCredentials: [string, string, boolean][] = [
  ['Invalid or expired token', '400', true],
  ['Bad credentials', '400', true], // the seed: Flask-JWT answered bad credentials with 400
  ['Wrong username or password', '400', true],
  ['Unauthorized', '400', true],
  ['The access token has expired', '400', true],
  ['error="invalid_token"', '400', true],
  ['Missing API key', '400', true],
  ['Forbidden: the API key is wrong', '403', true],
  ['Authentication failed', '403', true],
  ['The request is malformed (a parameter or the body is invalid)', '400', false],
  ['Malformed request: two bearer tokens', '400', false],
  ['The access token is malformed', '400', false],
  ['Empty bearer token', '400', false],
  ['You are unauthorized to delete this item', '403', false], // on a 403, "unauthorized" is prose for "not allowed"
  ['The access token lacks a required scope', '403', false],
  ['Invalid key in request body', '400', false],
  ['Invalid username supplied', '400', false], // petstore: a path parameter, not a credential
  ['Invalid username/password supplied', '400', true],
]

describe('reading response descriptions', () => {
  it.each(malformed)('malformed request: %j → %s', (description, expected) => {
    expect(describesMalformedRequest(description) !== undefined).toBe(expected)
  })

  it.each(badCredentials)('bad credentials: %j on %s → %s', (description, status, expected) => {
    expect(describesBadCredentials(description, status) !== undefined).toBe(expected)
  })
})
