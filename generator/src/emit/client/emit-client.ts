import type { ApiModel, Operation } from '../../model/types.js'
import { indented, INDENT, jsdoc, literal, PartsWriter, propertyKey } from '../lib/index.js'
import { credentialBinder } from './credentials.js'
import { encodingOf } from './encodings.js'
import { operationType, rawName } from './names.js'

/** What the doc comment of an operation method says about its route and auth. */
function methodDoc(op: Operation): string {
  const route = `\`${op.method.toUpperCase()} ${op.path}\``
  const auth = op.credentialsExchange
    ? 'Credentials exchange: its 401 means wrong credentials and never triggers re-authentication.'
    : op.security.public
      ? 'Public.'
      : op.security.optional
        ? 'Anonymous callers allowed; credentials are sent when configured.'
        : undefined
  return jsdoc([op.summary, op.deprecated ? '@deprecated' : undefined, [route, auth].filter(Boolean).join(' — ')])
}

/**
 * What the runtime reads of an operation (`OperationInfo` in @gatehouse/client): `security.ts`'s
 * row without what only the server reads (`hideForbidden`, `exposeScopes`), `credentialsExchange`
 * only when true. A frontend bundles this table, not `operationSecurity`.
 */
function operationRow(op: Operation): Record<string, unknown> {
  return {
    method: op.method,
    path: op.path,
    security: op.security.alternatives.map((alternative) => alternative.schemes.map((s) => ({ scheme: s.scheme, scopes: s.scopes }))),
    credentialsExchange: op.credentialsExchange || undefined,
  }
}

/**
 * JSON text as the body of a template literal: one line per entry for readable diffs;
 * backslashes, backticks and `${` escaped so the string is the JSON itself.
 */
function jsonTemplate(entries: [string, unknown][]): string {
  const body = entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n')
  return '`{\n' + body.replace(/[\\`]|\$\{/g, (m) => '\\' + m) + '\n}`'
}

/**
 * The body of `client.ts` (after the header): types, and the data the runtime needs: per
 * operation its route and security (a client-only form of `security.ts`'s tables, so a
 * frontend does not bundle what only the server reads), the encodings that differ from
 * the defaults, and each scheme's credential. The result types are generic aliases
 * over `paths`, so the checker evaluates them only where they are used.
 */
export function emitClient(model: ApiModel): string {
  const file = new PartsWriter()
  let w = file.w
  const raw = rawName(model.operations)
  const binders = model.schemes.flatMap((scheme) => {
    const binder = credentialBinder(scheme)
    return binder ? [[scheme.name, binder] as const] : []
  })
  // Only the credential kinds the spec has: a bearer-only API bundles no Basic or API-key code.
  const kinds = [...new Set(binders.map(([, b]) => b.replace(/\(.*/, '')))].sort()
  w.writeLine(
    `import { ${[...kinds, 'createRuntimeClient'].join(', ')}, type OperationInfo, type OperationMethod, type RawClient, type ResultOf, type RuntimeOptions } from '@gatehouse/client'`,
  )
  w.writeLine("import type { securitySchemes } from './security.js'")
  w.writeLine("import type { paths } from './types.js'")
  w.blankLine()

  w.writeLine("/** Per operation: method, path and security (OR of AND; `[]` = public, `[]` inside = anonymous allowed), as in `security.ts`'s `operationSecurity`. */")
  // JSON rather than object literals: nothing for tsc to infer or check, whatever the spec's size.
  // The per-operation tables as plain text (see `indented`), indented as the writer would.
  file.text(`const operations: { readonly [name: string]: OperationInfo } = JSON.parse(${jsonTemplate(model.operations.map((op) => [op.name, operationRow(op)]))})\n\n`)
  w = file.w
  w.writeLine("/** How each security scheme's credential travels (`security.ts`'s `securitySchemes`; schemes the client cannot send are left out). */")
  w.write('const schemes = ').inlineBlock(() => {
    for (const [name, binder] of binders) w.writeLine(`${propertyKey(name)}: ${binder},`)
  })
  w.newLine().blankLine()

  w.writeLine('/** Request encodings that differ from the defaults (JSON bodies; query parameters `form`, exploded). */')
  const encodings = model.operations.flatMap((op) => {
    const enc = encodingOf(op)
    return enc ? [`${INDENT}${propertyKey(op.name)}: ${literal(enc)},\n`] : []
  })
  file.text(`const encodings = {\n${encodings.join('')}} as const\n\n`)
  w = file.w

  w.writeLine(`/** Options of {@link createClient}; \`auth\` takes one credential per security scheme of ${model.title}. */`)
  w.writeLine('export interface ClientOptions extends RuntimeOptions<typeof securitySchemes> {}')
  w.blankLine()

  w.writeLine(`/** A client of ${model.title} ${model.version}: one method per operation, each resolving to a result discriminated by \`status\`. */`)
  const methods = model.operations.map((op) => indented(methodDoc(op), 1) + `${INDENT}${propertyKey(op.name)}: OperationMethod<${operationType(op)}>\n`)
  file.text(
    `export interface Client {\n${methods.join('')}` +
      `${INDENT}/** The underlying openapi-fetch client for path-style calls (\`api.${raw}.GET('/path', …)\`), with the same credentials, re-authentication and retries. */\n` +
      `${INDENT}readonly ${propertyKey(raw)}: RawClient<paths>\n}\n\n`,
  )
  w = file.w

  w.writeLine('/** What an operation resolves to, e.g. `OperationResultOf<\'getArticle\'>`: its result union, discriminated by `status`. */')
  w.writeLine('export type OperationResultOf<K extends Exclude<keyof Client, ' + literal(raw) + '>> = ResultOf<Client, K>')
  w.blankLine()

  w.writeLine('/**')
  w.writeLine(` * Creates a client of ${model.title}. It loads no zod: checking responses is an opt-in that`)
  w.writeLine(' * brings the schemas of `schemas.ts` (`validate: schemas`, or a function that loads them lazily).')
  w.writeLine(' * @example')
  w.writeLine(" * const api = createClient({ baseUrl: 'https://api.example.com', auth: {} })")
  w.writeLine(' */')
  w.write('export function createClient(options: ClientOptions): Client ').block(() => {
    w.writeLine(
      `return createRuntimeClient(operations, schemes, encodings, options${raw === 'raw' ? '' : `, ${literal(raw)}`}) as unknown as Client`,
    )
  })
  return file.toString()
}
