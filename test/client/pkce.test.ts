// authorizationCodeWithPkce without a browser: what the authorization URL carries,
// and the callbacks it refuses (the full sign-in runs in chromium: test/e2e/pkce.test.ts).
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { authorizationCodeWithPkce } from '@gatehouse/client'
import { json, startServer } from './support/server.js'

function memoryStorage() {
  const kept = new Map<string, string>()
  return { kept, getItem: (k: string) => kept.get(k), setItem: (k: string, v: string) => void kept.set(k, v), removeItem: (k: string) => void kept.delete(k) }
}
const base = { clientId: 'spa', redirectUri: 'https://app.example/callback', authorizationEndpoint: 'https://as.example/authorize', tokenEndpoint: 'https://as.example/token', scopes: ['openid', 'articles:read'] }

describe('authorizationCodeWithPkce', () => {
  it('the authorization URL carries state and an S256 challenge of the stored verifier (RFC 7636 §4.2)', async () => {
    const transientStorage = memoryStorage()
    const url = new URL(await authorizationCodeWithPkce({ ...base, transientStorage, params: { prompt: 'consent' } }).authorizationUrl())
    const { state, verifier } = JSON.parse(transientStorage.kept.get('gatehouse:spa:pkce')!) as { state: string; verifier: string }
    expect(url.origin + url.pathname).toBe('https://as.example/authorize')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'spa',
      redirect_uri: 'https://app.example/callback',
      scope: 'openid articles:read',
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      prompt: 'consent',
    })
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
  })

  it('refuses a callback whose state differs, without calling the token endpoint', async () => {
    const server = await startServer((_req, res) => json(res, 500, { error: 'server_error' }))
    try {
      const transientStorage = memoryStorage()
      const signIn = authorizationCodeWithPkce({ ...base, tokenEndpoint: `${server.url}/token`, transientStorage })
      await signIn.authorizationUrl()
      await expect(signIn.handleCallback('https://app.example/callback?code=abc&state=forged')).rejects.toThrow(/state/)
      expect(server.seen).toHaveLength(0)
      // The attempt used up the stored state: a second try has nothing to compare with.
      await expect(signIn.handleCallback('https://app.example/callback?code=abc&state=forged')).rejects.toThrow(/no sign-in in progress/)
    } finally {
      await server.close()
    }
  })

  it('an error response from the authorization server rejects with its code', async () => {
    const transientStorage = memoryStorage()
    const signIn = authorizationCodeWithPkce({ ...base, transientStorage })
    const state = new URL(await signIn.authorizationUrl()).searchParams.get('state')!
    await expect(signIn.handleCallback(`https://app.example/callback?error=access_denied&state=${state}`)).rejects.toMatchObject({ error: 'access_denied' })
  })

  it('needs an issuer or both endpoints', () => {
    expect(() => authorizationCodeWithPkce({ clientId: 'spa', redirectUri: 'https://app.example/cb', scopes: [], authorizationEndpoint: 'https://as.example/a' })).toThrow(
      /give `issuer`, or both `authorizationEndpoint` and `tokenEndpoint`/,
    )
  })
})
