import { describe, expect, it } from 'vitest'
import {
  bearerChallenge,
  dpopChallenge,
  formatChallenge,
  parseChallenges,
  readBearerError,
  readDpopChallenge,
  readResourceMetadata,
  readStepUp,
  statusForBearerError,
  stepUpChallenge,
} from '@gatehouse/http-auth'

describe('RFC 6750 Bearer', () => {
  it('builds the no-credentials challenge without error attributes', () => {
    expect(formatChallenge(bearerChallenge({ realm: 'example' }))).toBe('Bearer realm="example"')
    expect(bearerChallenge()).toStrictEqual({ scheme: 'bearer', params: {} })
    expect(bearerChallenge({ scope: [] })).toStrictEqual({ scheme: 'bearer', params: {} })
  })

  it('builds an error challenge in the RFC order and reads it back', () => {
    const value = formatChallenge(
      bearerChallenge({ realm: 'example', error: 'insufficient_scope', errorDescription: 'needs "write"', errorUri: 'https://e.example/doc', scope: ['articles:write', 'openid'] }),
    )
    expect(value).toBe('Bearer realm="example", error="insufficient_scope", error_description="needs \\"write\\"", error_uri="https://e.example/doc", scope="articles:write openid"')
    expect(readBearerError(parseChallenges(value))).toStrictEqual({
      error: 'insufficient_scope',
      errorDescription: 'needs "write"',
      errorUri: 'https://e.example/doc',
      scope: ['articles:write', 'openid'],
    })
  })

  it('rejects scope items that would not survive the space-delimited list', () => {
    expect(() => bearerChallenge({ scope: ['a b'] })).toThrow(TypeError)
    expect(() => bearerChallenge({ scope: [''] })).toThrow(TypeError)
  })

  it('reads the first Bearer challenge that has an error, skipping other schemes', () => {
    const cs = parseChallenges('Basic realm="x", Bearer realm="a", DPoP error="use_dpop_nonce", Bearer error=invalid_token, Bearer error="invalid_request"')
    expect(readBearerError(cs)).toStrictEqual({ error: 'invalid_token', scope: [] })
    expect(readBearerError(parseChallenges('Bearer realm="a"'))).toBeUndefined()
    expect(readBearerError([])).toBeUndefined()
    expect(readBearerError([{ scheme: 'Bearer', params: { ERROR: 'invalid_token', Scope: ' a  b ' } }])).toStrictEqual({ error: 'invalid_token', scope: ['a', 'b'] })
  })

  it('maps error codes to statuses (RFC 6750 §3.1)', () => {
    expect(statusForBearerError('invalid_request')).toBe(400)
    expect(statusForBearerError('invalid_token')).toBe(401)
    expect(statusForBearerError('insufficient_scope')).toBe(403)
    expect(statusForBearerError('insufficient_user_authentication')).toBeUndefined()
    expect(statusForBearerError('constructor')).toBeUndefined()
  })
})

describe('RFC 9470 step-up', () => {
  it('reads acr_values and max_age from the RFC example', () => {
    const cs = parseChallenges('Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", acr_values="urn:a urn:b", max_age="5"')
    expect(readStepUp(cs)).toStrictEqual({ acrValues: ['urn:a', 'urn:b'], maxAge: 5 })
  })

  it('ignores other errors and a malformed max_age', () => {
    expect(readStepUp(parseChallenges('Bearer error="invalid_token", acr_values="x"'))).toBeUndefined()
    expect(readStepUp(parseChallenges('Bearer error="insufficient_user_authentication", max_age="-1"'))).toStrictEqual({ acrValues: [] })
    expect(readStepUp(parseChallenges('Bearer error="insufficient_user_authentication", max_age="1.5"'))).toStrictEqual({ acrValues: [] })
  })

  it('builds a challenge that reads back', () => {
    const c = stepUpChallenge({ realm: 'api', acrValues: ['myACR'], maxAge: 0, errorDescription: 'step up' })
    const value = formatChallenge(c)
    expect(value).toBe('Bearer realm="api", error="insufficient_user_authentication", error_description="step up", acr_values="myACR", max_age="0"')
    expect(readStepUp(parseChallenges(value))).toStrictEqual({ acrValues: ['myACR'], maxAge: 0 })
    expect(() => stepUpChallenge({ maxAge: -1 })).toThrow(TypeError)
    expect(() => stepUpChallenge({ maxAge: 1.5 })).toThrow(TypeError)
  })
})

describe('RFC 9449 DPoP', () => {
  it('reads algs and the nonce error', () => {
    expect(readDpopChallenge(parseChallenges('Bearer realm="x", DPoP algs="ES256 PS256"'))).toStrictEqual({ algs: ['ES256', 'PS256'] })
    expect(readDpopChallenge(parseChallenges('DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"'))).toStrictEqual({
      algs: [],
      error: 'use_dpop_nonce',
      errorDescription: 'Resource server requires nonce in DPoP proof',
    })
    expect(readDpopChallenge(parseChallenges('Bearer realm="x"'))).toBeUndefined()
  })

  it('builds a challenge that reads back', () => {
    const value = formatChallenge(dpopChallenge({ algs: ['ES256', 'EdDSA'], error: 'invalid_dpop_proof', errorDescription: 'bad jti' }))
    expect(value).toBe('DPoP error="invalid_dpop_proof", error_description="bad jti", algs="ES256 EdDSA"')
    expect(readDpopChallenge(parseChallenges(value))).toStrictEqual({ algs: ['ES256', 'EdDSA'], error: 'invalid_dpop_proof', errorDescription: 'bad jti' })
  })
})

describe('RFC 9728 resource_metadata', () => {
  it('finds the URL in any scheme', () => {
    const url = 'https://resource.example.com/.well-known/oauth-protected-resource'
    expect(readResourceMetadata(parseChallenges(`Bearer resource_metadata="${url}"`))).toBe(url)
    expect(readResourceMetadata(parseChallenges(`Basic realm="x", DPoP algs="ES256", resource_metadata="${url}"`))).toBe(url)
    expect(readResourceMetadata(parseChallenges('Bearer realm="x"'))).toBeUndefined()
  })
})
