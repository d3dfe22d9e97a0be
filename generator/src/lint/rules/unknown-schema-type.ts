import type { LintRule } from '../types.js'

/** `type: integr` and friends: the schema would accept anything, or nothing, instead of what was meant. */
export const unknownSchemaType: LintRule = {
  id: 'unknown-schema-type',
  severity: 'error',
  rationale: 'JSON Schema Validation §6.1.1 (OpenAPI 3.1 §4.8.24, 3.0 §4.7.24): `type` is one of string, number, integer, boolean, array, object (null in 3.1); any other value makes the schema meaningless. `generate` stops on it (exit 2).',
  fix: 'correct the spelling of `type` (e.g. `integr` → `integer`)',
  *check({ model }) {
    for (const mistake of model.mistakes ?? []) {
      if (mistake.code === 'unknown-schema-type') yield { message: mistake.message, pointer: mistake.pointer }
    }
  },
}
