import { toPointer } from '../load/pointer.js'
import { deref, fail, isObj, str, warn, type BuildContext, type Obj } from './context.js'
import type { OAuthFlow, OAuthFlowKind, Requirement, ResolvedSecurity, SecurityScheme } from './types.js'

const FLOW_KINDS: readonly OAuthFlowKind[] = ['implicit', 'password', 'clientCredentials', 'authorizationCode']

/** Reads `components.securitySchemes` in document order; `x-realm` of a scheme overrides the root's. */
export function buildSchemes(ctx: BuildContext, rootRealm: string | undefined): SecurityScheme[] {
  const components = isObj(ctx.doc.components) ? ctx.doc.components : {}
  const raw = isObj(components.securitySchemes) ? components.securitySchemes : {}
  return Object.entries(raw).map(([name, value]): SecurityScheme => {
    const at = toPointer(['components', 'securitySchemes', name])
    const resolved = deref(ctx, value, at)
    if (!resolved) fail(ctx, 'invalid-document', `security scheme "${name}" is not an object`, at)
    const s = resolved.value
    const realm = str(s['x-realm']) ?? rootRealm
    const base: { name: string; pointer: string; description?: string; realm?: string } = { name, pointer: at }
    if (str(s.description) !== undefined) base.description = str(s.description)
    if (realm !== undefined) base.realm = realm
    switch (s.type) {
      case 'http':
        return { ...base, type: 'http', scheme: (str(s.scheme) ?? '').toLowerCase(), ...(str(s.bearerFormat) !== undefined ? { bearerFormat: str(s.bearerFormat)! } : {}) }
      case 'apiKey': {
        const where = s.in
        if (where !== 'header' && where !== 'query' && where !== 'cookie') fail(ctx, 'invalid-document', `apiKey scheme "${name}" needs \`in\`: header, query or cookie`, at)
        return { ...base, type: 'apiKey', in: where, parameterName: str(s.name) ?? '' }
      }
      case 'oauth2':
        return { ...base, type: 'oauth2', flows: buildFlows(s) }
      case 'openIdConnect':
        return { ...base, type: 'openIdConnect', openIdConnectUrl: str(s.openIdConnectUrl) ?? '' }
      case 'mutualTLS':
        return { ...base, type: 'mutualTLS' }
      default:
        return fail(ctx, 'invalid-document', `security scheme "${name}" has unknown type ${JSON.stringify(s.type)}`, at)
    }
  })
}

function buildFlows(scheme: Obj): OAuthFlow[] {
  const flows = isObj(scheme.flows) ? scheme.flows : {}
  return Object.entries(flows)
    .filter((entry): entry is [OAuthFlowKind, Obj] => (FLOW_KINDS as readonly string[]).includes(entry[0]) && isObj(entry[1]))
    .map(([kind, f]) => {
      const scopes: Record<string, string> = {}
      if (isObj(f.scopes)) for (const [scope, description] of Object.entries(f.scopes)) scopes[scope] = typeof description === 'string' ? description : ''
      const flow: OAuthFlow = { kind, scopes }
      if (str(f.authorizationUrl) !== undefined) flow.authorizationUrl = str(f.authorizationUrl)
      if (str(f.tokenUrl) !== undefined) flow.tokenUrl = str(f.tokenUrl)
      if (str(f.refreshUrl) !== undefined) flow.refreshUrl = str(f.refreshUrl)
      return flow
    })
}

/**
 * The effective security of an operation (OpenAPI 3.1 §4.8.10): its own `security` if present
 * (even `[]`, which makes it public), else the root's; each entry an OR-alternative of AND-ed schemes.
 * The returned resolver resolves the root `security` once, on first use, and shares the result
 * among the operations that inherit it (so its warnings are reported once, at `/security`).
 */
export function securityResolver(ctx: BuildContext, schemes: SecurityScheme[]): (operation: Obj, operationPointer: string) => ResolvedSecurity {
  const byName = new Map(schemes.map((s) => [s.name, s]))
  let root: ResolvedSecurity | undefined
  return (operation, operationPointer) => {
    if (operation.security !== undefined) return resolveList(ctx, schemes, byName, operation.security, `${operationPointer}/security`, 'operation')
    root ??= resolveList(ctx, schemes, byName, ctx.doc.security, '/security', 'root')
    return root
  }
}

function resolveList(
  ctx: BuildContext,
  schemes: SecurityScheme[],
  byName: ReadonlyMap<string, SecurityScheme>,
  list: unknown,
  pointer: string,
  source: 'operation' | 'root',
): ResolvedSecurity {
  if (list === undefined) return { alternatives: [], public: true, optional: false, source: 'none' }
  if (!Array.isArray(list)) fail(ctx, 'invalid-document', '`security` must be a list of requirement objects', pointer)
  const alternatives = list.map((requirement, i): Requirement => {
    const at = `${pointer}/${i}`
    if (!isObj(requirement)) fail(ctx, 'invalid-document', 'a security requirement must be an object', at)
    return {
      schemes: Object.entries(requirement).map(([name, scopes]) => {
        const schemeAt = `${at}/${toPointer([name]).slice(1)}`
        const scheme = byName.get(name)
        if (!scheme) {
          const declared = schemes.map((s) => s.name).join(', ') || 'none'
          fail(ctx, 'undeclared-scheme', `security requirement names scheme "${name}", which components.securitySchemes does not declare (declared: ${declared})`, schemeAt)
        }
        const list = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : []
        checkScopes(ctx, scheme, list, schemeAt)
        return { scheme: name, scopes: list }
      }),
    }
  })
  return {
    alternatives,
    public: alternatives.length === 0,
    optional: alternatives.some((a) => a.schemes.length === 0),
    source,
  }
}

function checkScopes(ctx: BuildContext, scheme: SecurityScheme, scopes: string[], pointer: string): void {
  if (scheme.type === 'oauth2') {
    const declared = new Set(scheme.flows.flatMap((f) => Object.keys(f.scopes)))
    for (const scope of scopes) {
      if (!declared.has(scope)) warn(ctx, 'undeclared-scope', `scope "${scope}" is not declared by any flow of oauth2 scheme "${scheme.name}"`, pointer)
    }
  } else if (scopes.length > 0 && scheme.type !== 'openIdConnect' && ctx.loaded.openapiVersion === '3.0') {
    // 3.0 requires an empty list here; 3.1 allows role names, which we keep as scopes.
    warn(ctx, 'roles-in-3.0', `scheme "${scheme.name}" is not oauth2: OpenAPI 3.0 requires an empty scope list (role names need 3.1)`, pointer)
  }
}
