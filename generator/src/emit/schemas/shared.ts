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
  const info = new Map<Expr, NodeInfo>()
  const ids = new Map<string, number>()
  const leaves = new Map<string, NodeInfo>()
  let next = 0
  const intern = (expr: Expr): NodeInfo => {
    const known = info.get(expr)
    if (known) return known
    let key: string
    let size: number
    let schema = false
    switch (expr.kind) {
      case 'code': {
        // Leaves are the most numerous nodes: interned by their text without building a key.
        let leaf = leaves.get(expr.code)
        if (leaf === undefined) leaves.set(expr.code, (leaf = { id: next++, size: expr.code.length, schema: false }))
        info.set(expr, leaf)
        return leaf
      }
      case 'member': {
        const target = intern(expr.target)
        key = `m${target.id}.${expr.name}`
        size = target.size + expr.name.length + 1
        schema = expr.target.kind === 'code' ? expr.target.code === '$z' : target.schema || isZodNamespace(expr.target)
        break
      }
      case 'call': {
        const callee = intern(expr.callee)
        const args = expr.args.map(intern)
        key = `f${callee.id}(${args.map((a) => a.id).join(',')})`
        size = callee.size + 2 + args.reduce((sum, a) => sum + a.size + 2, 0)
        schema = callee.schema
        break
      }
      case 'object': {
        const entries = expr.entries.map(([k, v]) => [k, intern(v)] as const)
        // Keys are length-prefixed, so no key text can fake a separator.
        key = `o${entries.map(([k, v]) => `${k.length}:${k}${v.id}`).join(',')}`
        size = 4 + entries.reduce((sum, [k, v]) => sum + k.length + v.size + 4, 0)
        break
      }
      case 'array': {
        const items = expr.items.map(intern)
        key = `a[${items.map((i) => i.id).join(',')}]`
        size = 2 + items.reduce((sum, i) => sum + i.size + 2, 0)
        break
      }
      case 'arrow': {
        const body = intern(expr.body)
        key = `l${body.id}`
        size = body.size + 6
        break
      }
      case 'comment': {
        const inner = intern(expr.expr)
        key = `k${JSON.stringify(expr.text)}${inner.id}`
        size = inner.size + expr.text.length
        break
      }
    }
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = next++))
    const node = { id, size, schema }
    info.set(expr, node)
    return node
  }

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
    const node = info.get(expr)!
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
