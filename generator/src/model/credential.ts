import type { CredentialKind, SecurityScheme } from './types.js'

/**
 * How a scheme's credential travels: RFC 6750 bearer tokens for http bearer, oauth2
 * and openIdConnect; RFC 7617 basic; an API key; anything else is not handled at runtime.
 */
export function credentialKind(scheme: SecurityScheme): CredentialKind {
  switch (scheme.type) {
    case 'oauth2':
    case 'openIdConnect':
      return 'bearer'
    case 'apiKey':
      return 'apiKey'
    case 'http':
      return scheme.scheme === 'bearer' ? 'bearer' : scheme.scheme === 'basic' ? 'basic' : 'unsupported'
    default:
      return 'unsupported'
  }
}
