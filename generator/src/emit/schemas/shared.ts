import { code, type Expr } from './expr.js'
import type { NamedExpr } from './operations.js'

interface NodeInfo {
  id: number
  /** Rough length of the rendered text. */
  size: number
  /** A zod schema expression (a call chain starting at `$z`), safe to replace with a lazy const. */
  schema: boolean
}

/**
 * Hoists schema expressions that occur more than once into shared consts.
 * Large specs repeat big inline objects (GitHub's webhooks inline the same
 * repository and user objects hundreds of times); one declaration each keeps
 * the file, its tsc time and its memory smaller. Nodes are hash-consed
 * bottom-up, so the whole pass is linear. Only nodes in value positions
 * (property values, array items, call arguments) are replaced, never the
 * target of a chained method, since a shared const is a `z.lazy`.
 */
export function hoistShared(consts: NamedExpr[], allocate: (base: string) => string, minSize = 200): NamedExpr[] {
  const intern = structuralInterner<NodeInfo>((expr, id, parts) => {
    switch (expr.kind) {
      case 'code':
        return { id, size: expr.code.length, schema: false }
      case 'member': {
        const [target] = parts as [NodeInfo]
        const schema = expr.target.kind === 'code' ? expr.target.code === '$z' : target.schema || isZodNamespace(expr.target)
        return { id, size: target.size + expr.name.length + 1, schema }
      }
      case 'call':
        return { id, size: parts.reduce((sum, p) => sum + p.size + 2, 0), schema: parts[0]!.schema }
      case 'object':
        return { id, size: 4 + expr.entries.reduce((sum, [k], i) => sum + k.length + parts[i]!.size + 4, 0), schema: false }
      case 'array':
        return { id, size: 2 + parts.reduce((sum, p) => sum + p.size + 2, 0), schema: false }
      case 'arrow':
        return { id, size: parts[0]!.size + 6, schema: false }
      case 'comment':
        return { id, size: parts[0]!.size + expr.text.length, schema: false }
    }
  })

  // Count how often each node occurs in a replaceable position.
  const counts = new Map<number, number>()
  const visit = (expr: Expr, replaceable: boolean): void => {
    const node = intern(expr)
    if (replaceable && node.schema && node.size >= minSize && !isOptional(expr)) counts.set(node.id, (counts.get(node.id) ?? 0) + 1)
    for (const [child, childReplaceable] of children(expr)) visit(child, childReplaceable)
  }
  for (const item of consts) visit(item.expr, false)

  const shared: NamedExpr[] = []
  const names = new Map<number, string>()
  const rewrite = (expr: Expr, replaceable: boolean, owner: string, label: string): Expr => {
    const node = intern(expr)
    if (replaceable && (counts.get(node.id) ?? 0) > 1) {
      let name = names.get(node.id)
      if (name === undefined) {
        name = allocate(`${owner.replace(/Schema\d*$/, '')}_${label}Schema`)
        names.set(node.id, name)
        shared.push({ name, expr: rewrite(expr, false, name, label) })
      }
      return code(name)
    }
    return rebuild(expr, (child, childReplaceable, childLabel) => rewrite(child, childReplaceable, owner, childLabel ?? label))
  }
  const rewritten = consts.map((item) => ({ name: item.name, expr: rewrite(item.expr, false, item.name, 'part') }))
  return [...rewritten, ...shared]
}

/**
 * Structural identity of expression trees by hash-consing, bottom-up and linear: two trees get the
 * same id exactly when they are written the same. `describe` builds a pass's own facts about a node
 * (with its id) from its already interned parts, in `partsOf` order; each node is described once.
 */
export function structuralInterner<T extends { readonly id: number }>(describe: (expr: Expr, id: number, parts: readonly T[]) => T): (expr: Expr) => T {
  const memo = new Map<Expr, T>()
  // Leaves are the most numerous nodes: interned by their text without building a key.
  const leaves = new Map<string, T>()
  const ids = new Map<string, number>()
  let next = 0
  const intern = (expr: Expr): T => {
    let node = memo.get(expr)
    if (node) return node
    if (expr.kind === 'code') {
      node = leaves.get(expr.code)
      if (node === undefined) leaves.set(expr.code, (node = describe(expr, next++, [])))
    } else {
      const parts = partsOf(expr).map(intern)
      const key = keyOf(expr, parts)
      let id = ids.get(key)
      if (id === undefined) ids.set(key, (id = next++))
      node = describe(expr, id, parts)
    }
    memo.set(expr, node)
    return node
  }
  return intern
}

/** The sub-expressions a node is made of, in source order (a call's callee first). */
function partsOf(expr: Exclude<Expr, { kind: 'code' }>): Expr[] {
  switch (expr.kind) {
    case 'member':
      return [expr.target]
    case 'call':
      return [expr.callee, ...expr.args]
    case 'object':
      return expr.entries.map(([, v]) => v)
    case 'array':
      return expr.items
    case 'arrow':
      return [expr.body]
    case 'comment':
      return [expr.expr]
  }
}

/** A node's key from its kind, its own text and its parts' ids; object keys are length-prefixed, so no key text can fake a separator. */
function keyOf(expr: Exclude<Expr, { kind: 'code' }>, parts: readonly { id: number }[]): string {
  const ids = parts.map((p) => p.id).join(',')
  switch (expr.kind) {
    case 'member':
      return `m${ids}.${expr.name}`
    case 'call':
      return `f${ids}`
    case 'object':
      return `o${expr.entries.map(([k], i) => `${k.length}:${k}${parts[i]!.id}`).join(',')}`
    case 'array':
      return `a${ids}`
    case 'arrow':
      return `l${ids}`
    case 'comment':
      return `k${JSON.stringify(expr.text)}${ids}`
  }
}

// Methods every zod schema has, lazies included: their receiver can be a shared const.
const UNIVERSAL = new Set(['optional', 'nullable', 'default', 'refine'])

/** `x.optional()` is never shared itself: sharing `x` serves both its optional and required uses. */
function isOptional(expr: Expr): boolean {
  return expr.kind === 'call' && expr.callee.kind === 'member' && expr.callee.name === 'optional'
}

export function isZodNamespace(expr: Expr): boolean {
  return expr.kind === 'member' && expr.target.kind === 'code' && expr.target.code === '$z'
}

/** The children of a node, each with whether it sits in a value position (a `$Schema` argument, item or property). */
export function children(expr: Expr): Array<[Expr, boolean]> {
  switch (expr.kind) {
    case 'member':
      return [[expr.target, false]]
    case 'call': {
      const args = expr.args.map((a): [Expr, boolean] => [a, true])
      const callee = expr.callee
      if (callee.kind === 'member' && UNIVERSAL.has(callee.name)) return [[callee.target, true], ...args]
      return [[callee, false], ...args]
    }
    case 'object':
      return expr.entries.map(([, v]) => [v, true])
    case 'array':
      return expr.items.map((i) => [i, true])
    case 'arrow':
      return [[expr.body, false]]
    case 'comment':
      return [[expr.expr, false]]
    case 'code':
      return []
  }
}

export type Rewrite = (child: Expr, replaceable: boolean, label?: string) => Expr

/** A copy of `expr` with each child passed through `f` (labels name where a shared const was first seen). */
export function rebuild(expr: Expr, f: Rewrite): Expr {
  switch (expr.kind) {
    case 'member':
      return { ...expr, target: f(expr.target, false) }
    case 'call': {
      const args = expr.args.map((a) => f(a, true))
      const callee = expr.callee
      if (callee.kind === 'member' && UNIVERSAL.has(callee.name)) return { ...expr, callee: { ...callee, target: f(callee.target, true) }, args }
      return { ...expr, callee: f(callee, false), args }
    }
    case 'object':
      return { ...expr, entries: expr.entries.map(([k, v]) => [k, f(v, true, k.replace(/[^A-Za-z0-9_$]/g, '_'))]) }
    case 'array':
      return { ...expr, items: expr.items.map((i) => f(i, true, 'item')) }
    case 'arrow':
      return { ...expr, body: f(expr.body, false) }
    case 'comment':
      return { ...expr, expr: f(expr.expr, false) }
    case 'code':
      return expr
  }
}
