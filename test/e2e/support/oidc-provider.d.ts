// oidc-provider ships no types (and @types/oidc-provider is not a dependency):
// this declares only the surface the end-to-end tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface Context {
    status: number
    oidc: { params?: Record<string, unknown> }
  }

  interface Model {
    save(): Promise<string>
  }

  interface ClientModel {
    clientId: string
  }

  interface GrantModel extends Model {
    addOIDCScope(scope: string): void
    addResourceScope(resource: string, scope: string): void
  }

  /** An OpenID Provider / OAuth 2.0 authorization server (panva/node-oidc-provider). */
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    Client: { find(id: string): Promise<ClientModel | undefined> }
    Grant: new (payload: { accountId: string; clientId: string }) => GrantModel
    RefreshToken: new (payload: Record<string, unknown> & { client: ClientModel }) => Model
    on(event: 'grant.success' | 'grant.error', listener: (ctx: Context, error?: Error) => void): this
    callback(): (request: IncomingMessage, response: ServerResponse) => void
  }
}
