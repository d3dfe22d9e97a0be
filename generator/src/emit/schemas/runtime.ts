/**
 * Source of the runtime helpers a generated `schemas.ts` may call for JSON Schema keywords that
 * zod has no method for. They are written into the file itself (only the used ones, with what
 * they need, in a fixed order), because schemas.ts serves the server and the client's optional
 * response validation alike and must not import either runtime. Every helper is a function
 * declaration: tsc never walks back over one during control-flow analysis.
 *
 * Subschemas run through `safeParse`; their issues are re-added with the instance path in front,
 * so the server still points at `#/items/0/name`.
 */
export interface RuntimeHelper {
  name: string
  /** Other helpers this one calls. */
  needs?: string[]
  source: string
}

const forward = `// Re-adds a subschema's issues under \`path\` (relative to the value being refined).
function $forward(ctx: $Ctx, issues: readonly $Issue[], path: readonly PropertyKey[]): void {
  for (const issue of issues) ctx.addIssue({ ...issue, path: [...path, ...issue.path] })
}`

const jsonType = `// The JSON type of a parsed value ('integer' is reported as 'number').
function $jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}`

const canon = `// A key equal for JSON-equal values (object key order ignored, 1 and 1.0 equal, "{}" and {} apart).
function $canon(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value + ':' + JSON.stringify(value)
  if (Array.isArray(value)) return '[' + value.map($canon).join(',') + ']'
  const record = value as Record<string, unknown>
  return '{' + Object.keys(record).sort().map((key) => JSON.stringify(key) + ':' + $canon(record[key])).join(',') + '}'
}`

/** Every helper, in the order they are written. */
export const RUNTIME_HELPERS: RuntimeHelper[] = [
  { name: '$forward', source: forward },
  { name: '$jsonType', source: jsonType },
  { name: '$canon', source: canon },
  {
    name: '$type',
    needs: ['$forward', '$jsonType'],
    source: `// Keywords constrain only their instance types: each type present here has its own schema; another
// type passes unless \`only\` (the schema's \`type\`) leaves it out.
function $type(branches: Partial<Record<string, $Schema>>, only: boolean): $Schema {
  const expected = Object.keys(branches).join(' | ')
  return $z.unknown().transform((value, ctx) => {
    const type = $jsonType(value)
    const branch = branches[type] ?? (type === 'number' && Number.isInteger(value) ? branches.integer : undefined)
    if (branch === undefined) {
      if (only) ctx.addIssue({ code: 'custom', message: 'Invalid input: expected ' + expected, path: [] })
      return value
    }
    const result = branch.safeParse(value)
    if (result.success) return result.data
    $forward(ctx, result.error.issues, [])
    return value
  })
}`,
  },
  {
    name: '$values',
    needs: ['$canon'],
    source: `// \`enum\`/\`const\` with object or array values: JSON equality, not reference or key-order equality.
function $values(values: readonly unknown[]): (value: unknown) => boolean {
  const keys = new Set(values.map($canon))
  return (value) => keys.has($canon(value))
}`,
  },
  {
    name: '$unique',
    needs: ['$canon'],
    source: `function $unique(items: readonly unknown[]): boolean {
  const seen = new Set<string>()
  for (const item of items) {
    const key = $canon(item)
    if (seen.has(key)) return false
    seen.add(key)
  }
  return true
}`,
  },
  {
    name: '$len',
    source: `// String lengths count code points (JSON Schema), not UTF-16 units; most strings need no counting.
function $len(min: number, max: number): (value: string) => boolean {
  return (value) => {
    if (value.length <= max && value.length >= 2 * min) return true
    let count = 0
    for (const _ of value) count++
    return count >= min && count <= max
  }
}`,
  },
  {
    name: '$Evaluated',
    source: `// What a schema evaluated in an instance (properties or items), for unevaluatedProperties/Items.
interface $Evaluated {
  all?: 1
  keys?: readonly string[]
  patterns?: readonly RegExp[]
  prefix?: number
  contains?: $Schema
  allOf?: readonly $Evaluated[]
  anyOf?: ReadonlyArray<readonly [$Schema, $Evaluated]>
  dependent?: ReadonlyArray<readonly [string, $Evaluated]>
  if?: readonly [$Schema, $Evaluated, $Evaluated | undefined, $Evaluated | undefined]
}`,
  },
  {
    name: '$seen',
    needs: ['$Evaluated'],
    source: `// Adds what \`node\` evaluated in \`value\` to \`seen\`; true when it evaluated everything.
function $seen(node: $Evaluated, value: any, seen: Set<string | number>): boolean {
  if (node.all) return true
  for (const key of node.keys ?? []) if (Object.hasOwn(value, key)) seen.add(key)
  if (node.patterns) for (const key of Object.keys(value)) if (node.patterns.some((re) => re.test(key))) seen.add(key)
  if (node.prefix) for (let i = 0; i < Math.min(node.prefix, value.length); i++) seen.add(i)
  if (node.contains) for (let i = 0; i < value.length; i++) if (node.contains.safeParse(value[i]).success) seen.add(i)
  for (const member of node.allOf ?? []) if ($seen(member, value, seen)) return true
  for (const [schema, member] of node.anyOf ?? []) if (schema.safeParse(value).success && $seen(member, value, seen)) return true
  for (const [key, member] of node.dependent ?? []) if (Object.hasOwn(value, key) && $seen(member, value, seen)) return true
  if (node.if) {
    const [condition, own, then, otherwise] = node.if
    if (condition.safeParse(value).success) {
      if ($seen(own, value, seen) || (then !== undefined && $seen(then, value, seen))) return true
    } else if (otherwise !== undefined && $seen(otherwise, value, seen)) return true
  }
  return false
}`,
  },
  {
    name: '$object',
    needs: ['$forward', '$Evaluated', '$seen'],
    source: `// Object keywords zod has no method for. Checked on the input, own keys only (\`required: ["toString"]\` needs one).
interface $ObjectRules {
  known?: readonly string[]
  own?: ReadonlyArray<readonly [string, $Schema]>
  required?: readonly string[]
  patterns?: ReadonlyArray<readonly [RegExp, $Schema]>
  additional?: $Schema | false
  names?: $Schema
  min?: number
  max?: number
  dependentRequired?: ReadonlyArray<readonly [string, readonly string[]]>
  dependentSchemas?: ReadonlyArray<readonly [string, $Schema]>
  unevaluated?: readonly [$Schema | false, $Evaluated]
}
function $object(rules: $ObjectRules): (value: any, ctx: $Ctx) => void {
  const known = new Set(rules.known)
  return (value, ctx) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return
    const keys = Object.keys(value)
    const check = (schema: $Schema, item: unknown, path: PropertyKey[]) => {
      const result = schema.safeParse(item)
      if (!result.success) $forward(ctx, result.error.issues, path)
    }
    if (rules.min !== undefined && keys.length < rules.min) ctx.addIssue({ code: 'custom', message: 'must have at least ' + rules.min + ' properties', path: [] })
    if (rules.max !== undefined && keys.length > rules.max) ctx.addIssue({ code: 'custom', message: 'must have at most ' + rules.max + ' properties', path: [] })
    for (const key of rules.required ?? []) if (!Object.hasOwn(value, key)) ctx.addIssue({ code: 'custom', message: 'is required', path: [key] })
    for (const [key, schema] of rules.own ?? []) if (Object.hasOwn(value, key)) check(schema, value[key], [key])
    for (const [key, names] of rules.dependentRequired ?? []) {
      if (!Object.hasOwn(value, key)) continue
      for (const name of names) if (!Object.hasOwn(value, name)) ctx.addIssue({ code: 'custom', message: 'is required when ' + key + ' is present', path: [name] })
    }
    for (const [key, schema] of rules.dependentSchemas ?? []) if (Object.hasOwn(value, key)) check(schema, value, [])
    for (const key of keys) {
      if (rules.names) check(rules.names, key, [key])
      let matched = known.has(key)
      for (const [pattern, schema] of rules.patterns ?? []) {
        if (!pattern.test(key)) continue
        matched = true
        check(schema, value[key], [key])
      }
      if (matched || rules.additional === undefined) continue
      if (rules.additional === false) ctx.addIssue({ code: 'custom', message: 'is not allowed', path: [key] })
      else check(rules.additional, value[key], [key])
    }
    if (rules.unevaluated) {
      const [schema, node] = rules.unevaluated
      const seen = new Set<string | number>()
      if ($seen(node, value, seen)) return
      for (const key of keys) {
        if (seen.has(key)) continue
        if (schema === false) ctx.addIssue({ code: 'custom', message: 'is not allowed', path: [key] })
        else check(schema, value[key], [key])
      }
    }
  }
}`,
  },
  {
    name: '$array',
    needs: ['$forward', '$Evaluated', '$seen'],
    source: `// Array keywords zod has no method for: tuples of any length, contains, unevaluatedItems.
interface $ArrayRules {
  prefix?: readonly $Schema[]
  rest?: $Schema | false
  contains?: $Schema
  minContains?: number
  maxContains?: number
  unevaluated?: readonly [$Schema | false, $Evaluated]
}
function $array(rules: $ArrayRules): (value: unknown[], ctx: $Ctx) => void {
  return (value, ctx) => {
    if (!Array.isArray(value)) return
    const check = (schema: $Schema, index: number) => {
      const result = schema.safeParse(value[index])
      if (!result.success) $forward(ctx, result.error.issues, [index])
    }
    const prefix = rules.prefix ?? []
    for (let i = 0; i < Math.min(prefix.length, value.length); i++) check(prefix[i]!, i)
    const rest = rules.rest
    if (rest === false && value.length > prefix.length) ctx.addIssue({ code: 'custom', message: 'must have at most ' + prefix.length + ' items', path: [] })
    else if (rest) for (let i = prefix.length; i < value.length; i++) check(rest, i)
    if (rules.contains) {
      let count = 0
      for (const item of value) if (rules.contains.safeParse(item).success) count++
      const min = rules.minContains ?? 1
      if (count < min) ctx.addIssue({ code: 'custom', message: 'must contain at least ' + min + ' matching items', path: [] })
      if (rules.maxContains !== undefined && count > rules.maxContains) ctx.addIssue({ code: 'custom', message: 'must contain at most ' + rules.maxContains + ' matching items', path: [] })
    }
    if (rules.unevaluated) {
      const [schema, node] = rules.unevaluated
      const seen = new Set<string | number>()
      if ($seen(node, value, seen)) return
      for (let i = 0; i < value.length; i++) {
        if (seen.has(i)) continue
        if (schema === false) {
          ctx.addIssue({ code: 'custom', message: 'is not allowed', path: [i] })
        } else check(schema, i)
      }
    }
  }
}`,
  },
  {
    name: '$oneOf',
    needs: ['$forward'],
    source: `// Exactly one branch must match (zod's union accepts the first match); the output is that branch's.
function $oneOf(branches: readonly $Schema[]): $Schema {
  return $z.unknown().transform((value, ctx) => {
    let output: unknown = value
    let matches = 0
    let closest: readonly $Issue[] | undefined
    for (const branch of branches) {
      const result = branch.safeParse(value)
      if (result.success) {
        matches++
        output = result.data
      } else if (closest === undefined || result.error.issues.length < closest.length) closest = result.error.issues
    }
    if (matches === 1) return output
    if (matches === 0 && closest !== undefined && branches.length === 1) $forward(ctx, closest, [])
    else ctx.addIssue({ code: 'custom', message: matches === 0 ? 'must match one of the schemas in oneOf' : 'must match exactly one schema in oneOf, not ' + matches, path: [] })
    return value
  })
}`,
  },
  {
    name: '$if',
    needs: ['$forward'],
    source: `// if/then/else: the instance must pass \`then\` when it passes \`if\`, and \`else\` otherwise.
function $if(condition: $Schema, then: $Schema | undefined, otherwise: $Schema | undefined): (value: unknown, ctx: $Ctx) => void {
  return (value, ctx) => {
    const branch = condition.safeParse(value).success ? then : otherwise
    if (branch === undefined) return
    const result = branch.safeParse(value)
    if (!result.success) $forward(ctx, result.error.issues, [])
  }
}`,
  },
  {
    name: '$all',
    needs: ['$forward'],
    source: `// An allOf member that only checks (its output is not merged): issues count, the value is left alone.
function $all(schema: $Schema): (value: unknown, ctx: $Ctx) => void {
  return (value, ctx) => {
    const result = schema.safeParse(value)
    if (!result.success) $forward(ctx, result.error.issues, [])
  }
}`,
  },
]
