import { credentialKind } from '../model/credential.js'
import type { ApiModel, Operation, SecurityScheme } from '../model/types.js'
import type { Emitter } from './emitter.js'
import { generatedHeader, SKIP_CHECK } from './header.js'
import { INDENT, literal, PartsWriter, propertyKey, quote } from './lib/index.js'

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
  const file = new PartsWriter()
  let w = file.w
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
  w.writeLine('export const operationSecurity: { readonly [K in OperationName]: $OperationSecurity } = {')
  // The per-operation tables as plain text (see `indented`), indented as the writer would.
  const rows = model.operations.map(
    (op) =>
      `${INDENT}${propertyKey(op.name)}: {\n` +
      `${INDENT}${INDENT}method: ${literal(op.method)}, path: ${literal(op.path)},\n` +
      `${INDENT}${INDENT}security: ${literal(securityData(op))},\n` +
      `${INDENT}${INDENT}hideForbidden: ${op.hideForbidden}, exposeScopes: ${op.exposeScopes}, credentialsExchange: ${op.credentialsExchange},\n` +
      `${INDENT}},\n`,
  )
  const names = model.operations.map((op) => `${INDENT}| ${quote(op.name)}\n`)
  file.text(
    rows.join('') +
      '}\n\n' +
      '/** The name of a security scheme. */\n' +
      'export type SecuritySchemeName = keyof typeof securitySchemes\n' +
      '/** The name of an operation (its sanitized operationId). */\n' +
      (names.length === 0 ? 'export type OperationName = never\n' : `export type OperationName =\n${names.join('')}`) +
      '\n',
  )
  w = file.w
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
  return file.toString()
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
