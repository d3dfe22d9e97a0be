// Spec mistakes that make every request of an operation fail at run time (a path template whose
// parameter is named differently, a path parameter that is optional, `type: integr`). They are
// errors, not warnings: `generate` stops on the first, `lint` reports each one.
import { toPointer } from '../load/pointer.js'
import { isObj, type Obj } from './context.js'
import type { Mistake, Operation } from './types.js'


/** `{name}` expressions of a path template (OpenAPI 3.1 §4.8.8.1). */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!)
}

/**
 * Template expressions and path parameters must name each other (OpenAPI 3.1 §4.8.12.1: the
 * name "MUST correspond to a template expression occurring within the path"), and a path
 * parameter MUST be `required: true`. `rawRequired` tells, per parameter pointer, what the
 * document said before the model forced path parameters required.
 */
export function pathParameterMistakes(op: Operation, rawRequired: ReadonlyMap<string, unknown>): Mistake[] {
  const mistakes: Mistake[] = []
  const route = `${op.method.toUpperCase()} ${op.path}`
  const declared = op.parameters.path.map((p) => p.name)
  const names = templateNames(op.path)
  for (const name of names) {
    if (declared.includes(name)) continue
    const hint = declared.length > 0 ? ` (its path parameters: ${declared.join(', ')})` : ''
    mistakes.push({
      code: 'path-parameter-mismatch',
      message: `${route}: the template expression {${name}} has no path parameter named "${name}"${hint}; every request would fail to match it`,
      // The path item: its key is the template.
      pointer: op.pointer.slice(0, op.pointer.lastIndexOf('/')),
      operations: [op.name],
    })
  }
  for (const p of op.parameters.path) {
    if (!names.includes(p.name)) {
      const hint = names.length > 0 ? ` (the template has ${names.map((n) => `{${n}}`).join(', ')})` : ''
      mistakes.push({
        code: 'path-parameter-mismatch',
        message: `${route}: path parameter "${p.name}" does not occur in the path template${hint}; it can never be sent`,
        pointer: `${p.pointer}/name`,
        operations: [op.name],
      })
    }
    if (rawRequired.get(p.pointer) !== true) {
      mistakes.push({
        code: 'path-parameter-mismatch',
        message: `${route}: path parameter "${p.name}" must be \`required: true\` (OpenAPI 3.1 §4.8.12.1)`,
        pointer: rawRequired.get(p.pointer) === undefined ? p.pointer : `${p.pointer}/required`,
        operations: [op.name],
      })
    }
  }
  return mistakes
}

/** The JSON Schema type names (JSON Schema Validation §6.1.1; `null` is 3.1's, and 3.0 tools accept it). */
const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']

// Keywords whose value is one schema, a map of schemas, or a list of schemas (JSON Schema 2020-12
// applicators, plus 3.0's `items`/`additionalProperties`). Data keywords (`enum`, `const`,
// `default`, `example`, `examples`) are never walked: data is not code.
const ONE = ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems']
const MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']
// Outside schemas: members that hold data or extensions, not OpenAPI objects.
const NOT_OBJECTS = new Set(['example', 'examples', 'default', 'enum', 'const'])

/**
 * Every `type` value that is not a JSON Schema type, in component schemas and in every schema of
 * parameters, headers and media types (nested ones included), found in one walk of the document.
 */
export function unknownTypeMistakes(doc: Obj): Mistake[] {
  const mistakes: Mistake[] = []
  const seen = new Set<object>()
  // One shared path, pushed and popped: a pointer is only built for a mistake (GitHub's spec has
  // hundreds of thousands of schema nodes).
  const path: (string | number)[] = []
  const at = (key: string | number, visit: (node: unknown) => void, node: unknown) => {
    path.push(key)
    visit(node)
    path.pop()
  }

  // An explicit stack of frames with parent links, not recursion: schemas may nest deeper than the
  // call stack (10,000 levels must generate), and a frame's path is only built for a mistake.
  interface Frame {
    node: unknown
    key?: string | number
    parent?: Frame
  }
  const relative = (frame: Frame): (string | number)[] => {
    const keys: (string | number)[] = []
    for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key)
    return keys.reverse()
  }
  const schema = (root: unknown): void => {
    const stack: Frame[] = [{ node: root }]
    while (stack.length > 0) {
      const frame = stack.pop()!
      const node = frame.node
      if (!isObj(node) || seen.has(node)) continue
      seen.add(node)
      if (node.type !== undefined) {
        const list = Array.isArray(node.type)
        for (const [i, t] of (list ? (node.type as unknown[]) : [node.type]).entries()) {
          if (typeof t === 'string' && TYPES.includes(t)) continue
          const guess = typeof t === 'string' ? closest(t) : undefined
          const here = [...path, ...relative(frame)]
          mistakes.push({
            code: 'unknown-schema-type',
            message: `unknown schema type ${JSON.stringify(t)}${guess ? ` (did you mean "${guess}"?)` : ''}; a type is one of ${TYPES.join(', ')}`,
            pointer: toPointer(list ? [...here, 'type', i] : [...here, 'type']),
            operations: [],
          })
        }
      }
      // Pushed in reverse, so mistakes come out in document order.
      const children: Frame[] = []
      for (const key of ONE) if (isObj(node[key])) children.push({ node: node[key], key, parent: frame })
      for (const key of MAP) {
        const map = node[key]
        if (!isObj(map)) continue
        const holder: Frame = { node: map, key, parent: frame }
        for (const name in map) children.push({ node: map[name], key: name, parent: holder })
      }
      for (const key of LIST) {
        const list = node[key]
        if (!Array.isArray(list)) continue
        const holder: Frame = { node: list, key, parent: frame }
        list.forEach((sub, i) => children.push({ node: sub, key: i, parent: holder }))
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }

  // Outside schemas: a `schema` member (Parameter, Header, Media Type objects) starts one, and
  // `components.schemas` holds them.
  const other = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) return node.forEach((item, i) => at(i, other, item))
    for (const key in node) {
      const value = (node as Obj)[key]
      if (key.startsWith('x-') || NOT_OBJECTS.has(key)) continue
      if (key === 'schema') at(key, schema, value)
      else if (key === 'schemas' && path.length === 1 && path[0] === 'components' && isObj(value)) {
        path.push(key)
        for (const name in value) at(name, schema, value[name])
        path.pop()
      } else at(key, other, value)
    }
  }
  other(doc)
  return mistakes
}

/** The type name `t` was most likely meant to be (at most two edits away), for the message. */
function closest(t: string): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of TYPES) {
    const d = distance(t.toLowerCase(), candidate)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}

/** Levenshtein distance (short strings only). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}
