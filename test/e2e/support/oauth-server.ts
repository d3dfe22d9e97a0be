import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Principal } from '@gatehouse/server'
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose'
import Provider from 'oidc-provider'

/** Options of {@link startOAuthServer}. */
export interface OAuthServerOptions {
  /** The API's resource indicator (RFC 8707), used as the access token audience. */
  audience: string
  /** Every scope the API knows. */
  scopes: string[]
  /** Lifetime of user access tokens (refresh grant) in seconds; short, so tests can watch them expire. Service tokens live 300 s. */
  accessTokenTtl?: number
  /** Registers a public single-page-app client (no secret, PKCE) redirecting here; the provider allows CORS from its origin. */
  spaRedirectUri?: string
  /** More confidential clients allowed the client_credentials grant (e.g. with awkward secrets). */
  serviceClients?: RegisteredClient[]
}

/** A client registered at the test authorization server. */
export interface RegisteredClient {
  clientId: string
  clientSecret: string
}

/** A running oidc-provider on 127.0.0.1, stopped by `close()`. */
export interface OAuthServer {
  /** The issuer, `http://127.0.0.1:<port>`. */
  issuer: string
  /** The token endpoint (RFC 6749 §3.2). */
  tokenEndpoint: string
  /** The JWKS the access tokens are signed with. */
  jwksUri: string
  /** A confidential client allowed the refresh_token grant (a user-facing app). */
  app: RegisteredClient
  /** A confidential client allowed the client_credentials grant (a backend service). */
  service: RegisteredClient
  /** The public client of `spaRedirectUri` (authorization code with PKCE, refresh tokens). */
  spa: { clientId: string }
  /** Every token request the provider answered, in order (grant type and status). */
  tokenRequests: { grantType: string; status: number }[]
  /**
   * Lifetime in seconds of the user access tokens issued from now on (starts at `accessTokenTtl`).
   * A test lets the tokens it signed in with expire, then raises this before the client refreshes,
   * so the refreshed token cannot also expire before the retried call reaches the API on a slow machine.
   */
  accessTokenTtl: number
  /**
   * Issues a refresh token for `accountId` as if the user had logged in and
   * consented, without a browser: it writes the grant and the token through the
   * provider's own models, exactly what the authorization code exchange stores.
   */
  issueRefreshToken(accountId: string, scopes: string[], clientId?: string): Promise<string>
  close(): Promise<void>
}

/**
 * Starts a real OAuth 2.0 authorization server (oidc-provider) on a free
 * loopback port, issuing JWT access tokens (RFC 9068) for one resource server
 * and rotating refresh tokens on every use (RFC 9700 §4.14.2).
 */
export async function startOAuthServer(options: OAuthServerOptions): Promise<OAuthServer> {
  const { audience, scopes, accessTokenTtl = 60, spaRedirectUri, serviceClients = [] } = options
  let userTokenTtl = accessTokenTtl
  // The provider needs its issuer up front, so the port is reserved first.
  const http: Server = createServer()
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`

  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }
  const app = { clientId: 'articles-app', clientSecret: 'app-secret-0123456789' }
  const service = { clientId: 'articles-service', clientSecret: 'service-secret-0123456789' }
  const spa = { clientId: 'articles-spa' }

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        grant_types: ['authorization_code', 'refresh_token'],
        redirect_uris: ['http://127.0.0.1/callback'],
        scope: `openid offline_access ${scopes.join(' ')}`,
      },
      {
        client_id: service.clientId,
        client_secret: service.clientSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope: scopes.join(' '),
      },
      ...(spaRedirectUri
        ? [
            {
              client_id: spa.clientId,
              token_endpoint_auth_method: 'none',
              grant_types: ['authorization_code', 'refresh_token'],
              redirect_uris: [spaRedirectUri],
              scope: `openid offline_access ${scopes.join(' ')}`,
            },
          ]
        : []),
      ...serviceClients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope: scopes.join(' '),
      })),
    ],
    jwks: { keys: [jwk] },
    scopes: ['openid', 'offline_access', ...scopes],
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: () => userTokenTtl,
      // Service tokens live longer: the client_credentials test checks that one token serves many calls.
      ClientCredentials: 300,
      RefreshToken: 3600,
      Grant: 3600,
      Session: 3600,
      Interaction: 600,
      IdToken: 3600,
      AuthorizationCode: 60,
    },
    features: {
      // The provider's own login and consent pages, for the browser sign-in test only.
      devInteractions: { enabled: spaRedirectUri !== undefined },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: scopes.join(' '),
          audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  })

  const tokenRequests: OAuthServer['tokenRequests'] = []
  provider.on('grant.success', (ctx) => {
    tokenRequests.push({ grantType: String(ctx.oidc.params?.grant_type), status: 200 })
  })
  provider.on('grant.error', (ctx) => {
    tokenRequests.push({ grantType: String(ctx.oidc.params?.grant_type), status: ctx.status })
  })
  http.on('request', provider.callback())

  return {
    get accessTokenTtl() {
      return userTokenTtl
    },
    set accessTokenTtl(seconds: number) {
      userTokenTtl = seconds
    },
    issuer,
    tokenEndpoint: `${issuer}/token`,
    jwksUri: `${issuer}/jwks`,
    app,
    service,
    spa,
    tokenRequests,
    async issueRefreshToken(accountId, granted, clientId = app.clientId) {
      const client = await provider.Client.find(clientId)
      if (!client) throw new Error(`client ${clientId} is not registered`)
      const grant = new provider.Grant({ accountId, clientId })
      grant.addOIDCScope('offline_access')
      grant.addResourceScope(audience, granted.join(' '))
      const grantId = await grant.save()
      const token = new provider.RefreshToken({
        accountId,
        client,
        grantId,
        gty: 'authorization_code',
        resource: audience,
        scope: ['offline_access', ...granted].join(' '),
      })
      return token.save()
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections()
        http.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/**
 * A verifier for the generated server's bearer schemes: the provider's RFC 9068 JWT access
 * tokens checked with jose against its JWKS (issuer, audience, `typ: at+jwt`); `undefined` for anything else.
 */
export function accessTokenVerifier(as: OAuthServer, audience: string): (token: string) => Promise<Principal | undefined> {
  const jwks = createRemoteJWKSet(new URL(as.jwksUri))
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: as.issuer, audience, typ: 'at+jwt' })
      return { subject: payload.sub, scopes: String(payload.scope ?? '').split(' ').filter(Boolean) }
    } catch {
      return undefined
    }
  }
}
