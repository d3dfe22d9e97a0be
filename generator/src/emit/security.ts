import { credentialKind } from '../model/credential.js'
import type { ApiModel, Operation, SecurityScheme } from '../model/types.js'
import type { Emitter } from './emitter.js'
import { generatedHeader } from './header.js'
import { literal, newWriter, propertyKey } from './lib/index.js'

/**
 * `security.ts`: plain `as const` data on every scheme and every operation's resolved security.
 * No imports at all, so a frontend can read it without pulling in zod or the runtime.
 */
export const securityEmitter: Emitter = {
  file: 'security.ts',
  targets: ['client', 'server'],
  emit: (model, options) => generatedHeader(options.specName) + emitSecurity(model),
}

/** The body of `security.ts` (after the header). */
export function emitSecurity(model: ApiModel): string {
  const w = newWriter()
  w.writeLine('/** The root `x-realm`: the realm of challenges whose scheme sets none. */')
  w.writeLine(model.realm === undefined ? 'export const realm = undefined' : `export const realm = ${literal(model.realm)} as const`)
  w.blankLine()
  w.writeLine('/** Every `components.securitySchemes` entry; `credential` says how its credential travels. */')
  w.write('export const securitySchemes = ').inlineBlock(() => {
    for (const scheme of model.schemes) w.writeLine(`${propertyKey(scheme.name)}: ${literal(schemeData(scheme))},`)
  })
  w.write(' as const').newLine().blankLine()
  w.writeLine('/** Per operation: its route and resolved security, OR of AND (`[]` = public, `[]` inside = anonymous allowed). */')
  w.write('export const operationSecurity = ').inlineBlock(() => {
    for (const op of model.operations) {
      w.write(`${propertyKey(op.name)}: `).inlineBlock(() => {
        w.writeLine(`method: ${literal(op.method)}, path: ${literal(op.path)},`)
        w.writeLine(`security: ${literal(securityData(op))},`)
        w.writeLine(`hideForbidden: ${op.hideForbidden}, exposeScopes: ${op.exposeScopes}, credentialsExchange: ${op.credentialsExchange},`)
      })
      w.write(',').newLine()
    }
  })
  w.write(' as const').newLine().blankLine()
  w.writeLine('/** The name of a security scheme. */')
  w.writeLine('export type SecuritySchemeName = keyof typeof securitySchemes')
  w.writeLine('/** The name of an operation (its sanitized operationId). */')
  w.writeLine('export type OperationName = keyof typeof operationSecurity')
  return w.toString()
}

function schemeData(scheme: SecurityScheme): Record<string, unknown> {
  const credential = credentialKind(scheme)
  switch (scheme.type) {
    case 'http':
      return { type: 'http', scheme: scheme.scheme, credential, bearerFormat: scheme.bearerFormat, realm: scheme.realm }
    case 'apiKey':
      return { type: 'apiKey', credential, in: scheme.in, name: scheme.parameterName, realm: scheme.realm }
    case 'oauth2': {
      const flows: Record<string, unknown> = {}
      for (const flow of scheme.flows) {
        flows[flow.kind] = { authorizationUrl: flow.authorizationUrl, tokenUrl: flow.tokenUrl, refreshUrl: flow.refreshUrl, scopes: Object.keys(flow.scopes) }
      }
      return { type: 'oauth2', credential, realm: scheme.realm, flows }
    }
    case 'openIdConnect':
      return { type: 'openIdConnect', credential, realm: scheme.realm, openIdConnectUrl: scheme.openIdConnectUrl }
    case 'mutualTLS':
      return { type: 'mutualTLS', credential, realm: scheme.realm }
  }
}

function securityData(op: Operation): { scheme: string; scopes: string[] }[][] {
  return op.security.alternatives.map((alternative) => alternative.schemes.map((s) => ({ scheme: s.scheme, scopes: s.scopes })))
}
