import type { LintRule } from '../types.js'

/** Template expressions and path parameters that do not name each other, and optional path parameters: every request fails. */
export const pathParameterMismatch: LintRule = {
  id: 'path-parameter-mismatch',
  severity: 'error',
  rationale: 'OpenAPI 3.1 §4.8.12.1: a path parameter\'s name MUST correspond to a template expression in the path, and `required` MUST be true; otherwise no request can carry it and every call is a 400. `generate` stops on it (exit 2).',
  fix: 'name the path parameter exactly as the template expression (`/teams/{teamId}` with `name: teamId`), declare one per expression, and set `required: true`',
  *check({ model }) {
    for (const mistake of model.mistakes ?? []) {
      if (mistake.code === 'path-parameter-mismatch') yield { message: mistake.message, pointer: mistake.pointer }
    }
  },
}
