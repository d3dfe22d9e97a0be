import { credentialKind } from '../../model/credential.js'
import type { SecurityScheme } from '../../model/types.js'
import { literal } from '../lib/index.js'

/** The `@gatehouse/client` binder that puts a scheme's credential on a request (a call for API keys), or undefined when the client cannot send it. */
export function credentialBinder(scheme: SecurityScheme): string | undefined {
  switch (credentialKind(scheme)) {
    case 'bearer':
      return 'bearerCredential'
    case 'basic':
      return 'basicCredential'
    case 'apiKey':
      return scheme.type === 'apiKey' ? `apiKeyCredential(${literal(scheme.in)}, ${literal(scheme.parameterName)})` : undefined
    default:
      return undefined
  }
}
