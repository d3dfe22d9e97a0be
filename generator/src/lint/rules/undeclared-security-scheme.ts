import { HTTP_METHODS } from '../../model/types.js'
import { deref } from '../lib/document.js'
import { escapeToken, label, requirementPointer, schemeNamed } from '../lib/operations.js'
import type { LintRule, RuleHit } from '../types.js'
import { isObj as isObject } from '../../model/context.js'

/** A requirement naming a scheme that `components.securitySchemes` lacks can never be satisfied. */
export const undeclaredSecurityScheme: LintRule = {
  id: 'undeclared-security-scheme',
  severity: 'error',
  rationale: 'OpenAPI 3.1 (Security Requirement Object): each name MUST correspond to a scheme declared under components.securitySchemes.',
  fix: 'declare the scheme under `components.securitySchemes`, or correct the name in the requirement',
  *check({ model }) {
    for (const operation of model.operations) {
      const { alternatives } = operation.security
      for (const [index, alternative] of alternatives.entries()) {
        for (const requirement of alternative.schemes) {
          if (schemeNamed(model, requirement.scheme)) continue
          yield {
            operation: label(operation),
            message: `security requirement names undeclared scheme "${requirement.scheme}"`,
            pointer: requirementPointer(operation, index, requirement.scheme),
          }
        }
      }
    }
  },
}

/**
 * The same check on the raw bundled document, for when the model cannot be built because
 * of it (`buildModel` refuses undeclared schemes): reports every occurrence, not just the first.
 */
export function* scanUndeclaredSchemes(document: Record<string, unknown>): Generator<RuleHit> {
  const components = isObject(document.components) ? document.components : {}
  const declared = new Set(Object.keys(isObject(components.securitySchemes) ? components.securitySchemes : {}))
  yield* scanRequirements(document.security, '/security', undefined, declared)
  const paths = isObject(document.paths) ? document.paths : {}
  for (const [path, raw] of Object.entries(paths)) {
    const item = deref(document, raw)
    if (path.startsWith('x-') || !isObject(item)) continue
    for (const method of HTTP_METHODS) {
      const operation = item[method]
      if (!isObject(operation)) continue
      const pointer = `/paths/${escapeToken(path)}/${method}/security`
      yield* scanRequirements(operation.security, pointer, `${method.toUpperCase()} ${path}`, declared)
    }
  }
}

function* scanRequirements(list: unknown, pointer: string, operation: string | undefined, declared: Set<string>): Generator<RuleHit> {
  if (!Array.isArray(list)) return
  for (const [index, requirement] of list.entries()) {
    if (!isObject(requirement)) continue
    for (const name of Object.keys(requirement)) {
      if (declared.has(name)) continue
      const message = `security requirement names undeclared scheme "${name}"`
      yield {
        ...(operation === undefined ? { message: `root ${message}` } : { operation, message }),
        pointer: `${pointer}/${index}/${escapeToken(name)}`,
      }
    }
  }
}
