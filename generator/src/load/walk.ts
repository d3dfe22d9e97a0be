/**
 * What of an OpenAPI document is structure (walked for `$ref`s) and what is data. JSON Schema's
 * `enum`, `const`, `default` and `example(s)` values, and an Example Object's `value`, are
 * instances: `{"enum": [{"$ref": "#/x"}]}` lists an object that happens to have a `$ref` key.
 * Inside a map of names (`properties`, `responses`, `components.schemas`, …) the keys are names,
 * so a property called `default` is still a schema and the `default` response still a response.
 */

/** Keys whose value maps user-chosen names to objects. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'responses',
  'parameters',
  'headers',
  'links',
  'callbacks',
  'securitySchemes',
  'requestBodies',
  'pathItems',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'examples',
  'variables',
  'mapping',
  'scopes',
])

const DATA_KEYS = new Set(['enum', 'const', 'default', 'example'])

/** How a node was reached: as a map of names, a map of Example Objects, an Example Object, or anything else. */
export type Role = 'node' | 'names' | 'examples' | 'example'

/**
 * The children of `node` worth walking, each with its role; data values are left out.
 * Iterative walkers push these on their own stack (documents nest deeper than the call stack).
 */
export function structuralChildren(node: object, role: Role): Array<[key: string, value: object, role: Role]> {
  const out: Array<[string, object, Role]> = []
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (item !== null && typeof item === 'object') out.push([String(i), item as object, 'node'])
    })
    return out
  }
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key]
    if (value === null || typeof value !== 'object') continue
    if (role === 'names' || role === 'examples') {
      out.push([key, value, role === 'examples' ? 'example' : 'node'])
      continue
    }
    if (DATA_KEYS.has(key) || (role === 'example' && key === 'value')) continue
    if (key === 'examples') {
      // A schema's `examples` is a list of instances; a media type's or parameter's, a map of Example Objects.
      if (!Array.isArray(value)) out.push([key, value, 'examples'])
      continue
    }
    out.push([key, value, NAME_MAPS.has(key) && !Array.isArray(value) ? 'names' : 'node'])
  }
  return out
}
