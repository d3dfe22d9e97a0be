import { isGatehouseError, type GatehouseError } from '../errors.js'
import { loadDocument, type LoadedDocument } from '../load/index.js'
import { buildModel } from '../model/index.js'
import type { ApiModel } from '../model/types.js'
import { lint } from './lint.js'
import { ensureResolved, type LintOptions, type ResolvedLintOptions } from './options.js'
import { ruleIds } from './rules/index.js'
import { scanUndeclaredSchemes, undeclaredSecurityScheme } from './rules/undeclared-security-scheme.js'
import type { Finding } from './types.js'

/** The result of linting one spec file. */
export interface LintReport {
  /** The spec as the user named it (relative to the working directory when inside it). */
  spec: string
  findings: Finding[]
  /** The model, when it could be built (absent when an undeclared scheme stopped it). */
  model?: ApiModel
}

/**
 * Load a spec the way `generate` does and lint it. An undeclared security scheme, which stops the
 * model builder, becomes located findings instead of a load error (OpenAPI 3.1 Security Requirement Object).
 * @throws GatehouseError when the file cannot be read or is not a valid OpenAPI document (exit 2).
 */
export async function lintSpec(specPath: string, options: LintOptions | ResolvedLintOptions = {}): Promise<LintReport> {
  const resolved = ensureResolved(options, ruleIds)
  return lintLoaded(await loadDocument(specPath), resolved)
}

/**
 * Lint an already loaded document (e.g. from `loadDocumentFromText`), as `lintSpec` does.
 * @throws GatehouseError when the model cannot be built for a reason other than an undeclared scheme.
 */
export function lintLoaded(loaded: LoadedDocument, options: LintOptions | ResolvedLintOptions = {}): LintReport {
  const resolved = ensureResolved(options, ruleIds)
  let model: ApiModel
  try {
    model = buildModel(loaded)
  } catch (error) {
    if (isGatehouseError(error) && error.code === 'undeclared-scheme') {
      return { spec: loaded.displayName, findings: undeclaredSchemeFindings(loaded, resolved, error) }
    }
    throw error
  }
  return { spec: loaded.displayName, findings: lint(model, resolved), model }
}

function undeclaredSchemeFindings(loaded: LoadedDocument, options: ResolvedLintOptions, error: GatehouseError): Finding[] {
  const rule = undeclaredSecurityScheme
  const setting = options.rules.get(rule.id)
  // Switching the rule off cannot make an unbuildable model lintable: the load error stands.
  if (setting === 'off') throw error
  const findings: Finding[] = []
  for (const hit of scanUndeclaredSchemes(loaded.document)) {
    const location = loaded.locate(hit.pointer)
    findings.push({
      rule: rule.id,
      severity: setting ?? rule.severity,
      message: hit.operation === undefined ? hit.message : `${hit.operation}: ${hit.message}`,
      fix: rule.fix,
      pointer: hit.pointer,
      ...(location ? { location } : {}),
      ...(hit.operation === undefined ? {} : { operations: [hit.operation] }),
    })
  }
  // The scan and the builder should agree; if not, the builder's own message is the finding.
  if (findings.length === 0) throw error
  return findings
}
