import { isGatehouseError, type GatehouseError } from '../errors.js'
import { loadDocument, type LoadedDocument } from '../load/index.js'
import { parsePointer } from '../load/pointer.js'
import { buildModel } from '../model/index.js'
import type { ApiModel } from '../model/types.js'
import { lint, sortFindings } from './lint.js'
import { ensureResolved, type LintOptions, type ResolvedLintOptions } from './options.js'
import { ruleIds } from './rules/index.js'
import { scanUndeclaredSchemes, undeclaredSecurityScheme } from './rules/undeclared-security-scheme.js'
import type { Finding } from './types.js'

// Spec mistakes (path template mismatches, unknown types) become findings of their rules, not exit 2.
const COLLECT = { mistakes: 'collect' } as const

/** The result of linting one spec file. */
export interface LintReport {
  /** The spec as the user named it (relative to the working directory when inside it). */
  spec: string
  findings: Finding[]
  /** The model the rules read (with placeholder schemes standing in for undeclared ones). */
  model: ApiModel
}

/**
 * Load a spec the way `generate` does and lint it. An undeclared security scheme, which stops the
 * model builder, becomes one located finding per occurrence instead of a load error, and every
 * other rule still runs (OpenAPI 3.1 Security Requirement Object).
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
  try {
    const model = buildModel(loaded, COLLECT)
    return { spec: loaded.displayName, findings: lint(model, resolved), model }
  } catch (error) {
    if (!isGatehouseError(error) || error.code !== 'undeclared-scheme') throw error
    const undeclared = undeclaredSchemeFindings(loaded, resolved, error)
    // Lint the rest too, so one run shows every problem: each undeclared name stands in as a
    // placeholder scheme (apiKey: protected, but not a bearer token that other rules would judge).
    const model = buildModel({ ...loaded, document: withPlaceholders(loaded.document, undeclared) }, COLLECT)
    const findings = [...undeclared, ...lint(model, resolved).filter((finding) => finding.rule !== undeclaredSecurityScheme.id)]
    return { spec: loaded.displayName, findings: sortFindings(findings), model }
  }
}

/** A copy of the document (the original is not touched) declaring every undeclared scheme name. */
function withPlaceholders(document: Record<string, unknown>, undeclared: Finding[]): Record<string, unknown> {
  const components = (document.components ?? {}) as Record<string, unknown>
  const schemes = { ...((components.securitySchemes ?? {}) as Record<string, unknown>) }
  for (const finding of undeclared) {
    const name = parsePointer(finding.pointer).at(-1)!
    schemes[name] = { type: 'apiKey', in: 'header', name }
  }
  return { ...document, components: { ...components, securitySchemes: schemes } }
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
