import { credentialKind } from '../model/credential.js'
import type { ApiModel, Operation, SecurityScheme } from '../model/types.js'
import type { Emitter } from './emitter.js'
import { generatedHeader, SKIP_CHECK } from './header.js'
import { literal, newWriter, propertyKey, quote } from './lib/index.js'

/**
 * `security.ts`: plain data on every scheme (`as const`) and every operation's resolved security
 * (declared as `$OperationSecurity` per `OperationName`). No imports at all, so a frontend can read
 * it without pulling in zod or the runtime, and skipping its check (SKIP_CHECK) hides nothing.
 */
export const securityEmitter: Emitter = {
  file: 'security.ts',
  targets: ['client', 'server'],
  emit: (model, options) => generatedHeader(options.specName) + SKIP_CHECK + emitSecurity(model),
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
  // Declared rather than `as const`: the literal type of 1,000 operations cost users' tsc about a
  // second to build, compare with what client.ts and server.ts pass it to, and print for a
  // `declaration: true` build; nothing reads its literal types.
  w.write('export const operationSecurity: { readonly [K in OperationName]: $OperationSecurity } = ').inlineBlock(() => {
    for (const op of model.operations) {
      w.write(`${propertyKey(op.name)}: `).inlineBlock(() => {
        w.writeLine(`method: ${literal(op.method)}, path: ${literal(op.path)},`)
        w.writeLine(`security: ${literal(securityData(op))},`)
        w.writeLine(`hideForbidden: ${op.hideForbidden}, exposeScopes: ${op.exposeScopes}, credentialsExchange: ${op.credentialsExchange},`)
      })
      w.write(',').newLine()
    }
  })
  w.newLine().blankLine()
  w.writeLine('/** The name of a security scheme. */')
  w.writeLine('export type SecuritySchemeName = keyof typeof securitySchemes')
  w.writeLine('/** The name of an operation (its sanitized operationId). */')
  if (model.operations.length === 0) w.writeLine('export type OperationName = never')
  else {
    w.writeLine('export type OperationName =')
    w.indent(() => {
      for (const op of model.operations) w.writeLine(`| ${quote(op.name)}`)
    })
  }
  w.blankLine()
  w.writeLine('/** One operation of {@link operationSecurity}. */')
  w.write('interface $OperationSecurity').block(() => {
    w.writeLine('readonly method: string')
    w.writeLine('readonly path: string')
    w.writeLine('readonly security: readonly (readonly { readonly scheme: SecuritySchemeName; readonly scopes: readonly string[] }[])[]')
    w.writeLine('readonly hideForbidden: boolean')
    w.writeLine('readonly exposeScopes: boolean')
    w.writeLine('readonly credentialsExchange: boolean')
  })
  w.newLine()
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
