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

  const trees = consts.map((item) => intern(item.expr))

  // Count how often each node occurs in a replaceable position.
  const counts = new Map<number, number>()
  const visit = (expr: Expr, tree: Interned<NodeInfo>, replaceable: boolean): void => {
    const { node } = tree
    if (replaceable && node.schema && node.size >= minSize && !isOptional(expr)) counts.set(node.id, (counts.get(node.id) ?? 0) + 1)
    eachChild(expr, tree, visit)
  }
  consts.forEach((item, i) => visit(item.expr, trees[i]!, false))

  const shared: NamedExpr[] = []
  const names = new Map<number, string>()
  const rewrite = (expr: Expr, tree: Interned<NodeInfo>, replaceable: boolean, owner: string, label: string): Expr => {
    const { node } = tree
    if (replaceable && (counts.get(node.id) ?? 0) > 1) {
      let name = names.get(node.id)
      if (name === undefined) {
        name = allocate(`${owner.replace(/Schema\d*$/, '')}_${label}Schema`)
        names.set(node.id, name)
        shared.push({ name, expr: rewrite(expr, tree, false, name, label) })
      }
      return code(name)
    }
    return rebuild(expr, tree, (child, childTree, childReplaceable, childLabel) => rewrite(child, childTree, childReplaceable, owner, childLabel ?? label))
  }
  const rewritten = consts.map((item, i) => ({ name: item.name, expr: rewrite(item.expr, trees[i]!, false, item.name, 'part') }))
  return [...rewritten, ...shared]
}

/** A tree as a pass sees it: its facts about the node, and its parts' in source order (a call's callee first). */
export interface Interned<T> {
  readonly node: T
  readonly parts: readonly Interned<T>[]
}

const NO_PARTS: readonly never[] = []

/**
 * Structural identity of expression trees by hash-consing, bottom-up and linear: two trees get the
 * same id exactly when they are written the same. `describe` builds a pass's own facts about a node
 * (with its id) from its parts' facts, in source order; it runs once per id. Interning a tree
 * returns its facts as a tree of the same shape, which the pass then walks beside the expression
 * (`eachChild`, `rebuild`): no lookup by node object (a map of every node was most of the passes'
 * time on Microsoft Graph, which has 657,000 nodes and 33,000 distinct ones).
 *
 * A node is the sequence of its kind, its own strings and its parts' ids, folded into an id one
 * pair at a time in a table of integer pairs (`PairTable`): no key is built per node. The fold is
 * injective because each kind fixes where its strings and its parts sit in the sequence.
 */
export function structuralInterner<T extends { readonly id: number }>(describe: (expr: Expr, id: number, parts: readonly T[]) => T): (expr: Expr) => Interned<T> {
  const described: T[] = []
  const pairs = new PairTable()
  const strings = new Map<string, number>()
  const str = (text: string): number => {
    let id = strings.get(text)
    if (id === undefined) strings.set(text, (id = strings.size))
    return id
  }
  const node = (expr: Expr, id: number, parts: readonly Interned<T>[]): Interned<T> => ({
    node: (described[id] ??= describe(
      expr,
      id,
      parts.map((p) => p.node),
    )),
    parts,
  })
  const intern = (expr: Expr): Interned<T> => {
    switch (expr.kind) {
      case 'code':
        return node(expr, pairs.pair(CODE, str(expr.code)), NO_PARTS)
      case 'member': {
        const target = intern(expr.target)
        return node(expr, pairs.pair(pairs.pair(MEMBER, target.node.id), str(expr.name)), [target])
      }
      case 'call': {
        const parts = [intern(expr.callee)]
        let id = pairs.pair(CALL, parts[0]!.node.id)
        for (const arg of expr.args) {
          const part = intern(arg)
          parts.push(part)
          id = pairs.pair(id, part.node.id)
        }
        return node(expr, id, parts)
      }
      case 'object': {
        const parts: Interned<T>[] = []
        let id = OBJECT
        for (const [key, value] of expr.entries) {
          const part = intern(value)
          parts.push(part)
          id = pairs.pair(pairs.pair(id, str(key)), part.node.id)
        }
        return node(expr, id, parts)
      }
      case 'array': {
        const parts: Interned<T>[] = []
        let id = ARRAY
        for (const item of expr.items) {
          const part = intern(item)
          parts.push(part)
          id = pairs.pair(id, part.node.id)
        }
        return node(expr, id, parts)
      }
      case 'arrow': {
        const body = intern(expr.body)
        return node(expr, pairs.pair(ARROW, body.node.id), [body])
      }
      case 'comment': {
        const inner = intern(expr.expr)
        return node(expr, pairs.pair(pairs.pair(COMMENT, str(expr.text)), inner.node.id), [inner])
      }
    }
  }
  return intern
}

// The first element of each kind's sequence: negative, so never the id of a pair (ids count up from 0).
const CODE = -1
const MEMBER = -2
const CALL = -3
const OBJECT = -4
const ARRAY = -5
const ARROW = -6
const COMMENT = -7

/**
 * An id for each distinct pair of integers, in order of first sight: open addressing over typed
 * arrays, so interning allocates nothing but the occasional doubling.
 */
class PairTable {
  private firsts = new Int32Array(1 << 16)
  private seconds = new Int32Array(1 << 16)
  /** id + 1 per slot; 0 marks an empty slot. */
  private ids = new Int32Array(1 << 16)
  private count = 0

  /** The id of the pair `(a, b)`, a new one the first time it is seen. */
  pair(a: number, b: number): number {
    const mask = this.ids.length - 1
    let slot = hash(a, b) & mask
    for (;;) {
      const id = this.ids[slot]!
      if (id === 0) break
      if (this.firsts[slot] === a && this.seconds[slot] === b) return id - 1
      slot = (slot + 1) & mask
    }
    const id = this.count++
    this.firsts[slot] = a
    this.seconds[slot] = b
    this.ids[slot] = id + 1
    // At most half full, so probe runs stay short.
    if (this.count * 2 > this.ids.length) this.grow()
    return id
  }

  private grow(): void {
    const [firsts, seconds, ids] = [this.firsts, this.seconds, this.ids]
    const size = ids.length * 2
    this.firsts = new Int32Array(size)
    this.seconds = new Int32Array(size)
    this.ids = new Int32Array(size)
    const mask = size - 1
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === 0) continue
      let slot = hash(firsts[i]!, seconds[i]!) & mask
      while (this.ids[slot] !== 0) slot = (slot + 1) & mask
      this.firsts[slot] = firsts[i]!
      this.seconds[slot] = seconds[i]!
      this.ids[slot] = ids[i]!
    }
  }
}

/** Mixes two 32-bit integers into a well-spread 32-bit hash (multiply-xorshift, as in MurmurHash3's finalizer). */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
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

/**
 * Calls `f` on each child of a node, with its interned tree and whether it sits in a value position
 * (a `$Schema` argument, item or property). A universal method's receiver (`x` of `x.optional()`)
 * counts as a child in a value position; the member expression in between is skipped.
 */
export function eachChild<T>(expr: Expr, tree: Interned<T>, f: (child: Expr, tree: Interned<T>, replaceable: boolean) => void): void {
  const parts = tree.parts
  switch (expr.kind) {
    case 'member':
      return f(expr.target, parts[0]!, false)
    case 'call': {
      const callee = expr.callee
      if (callee.kind === 'member' && UNIVERSAL.has(callee.name)) f(callee.target, parts[0]!.parts[0]!, true)
      else f(callee, parts[0]!, false)
      for (let i = 0; i < expr.args.length; i++) f(expr.args[i]!, parts[i + 1]!, true)
      return
    }
    case 'object':
      for (let i = 0; i < expr.entries.length; i++) f(expr.entries[i]![1], parts[i]!, true)
      return
    case 'array':
      for (let i = 0; i < expr.items.length; i++) f(expr.items[i]!, parts[i]!, true)
      return
    case 'arrow':
      return f(expr.body, parts[0]!, false)
    case 'comment':
      return f(expr.expr, parts[0]!, false)
    case 'code':
      return
  }
}

export type Rewrite<T> = (child: Expr, tree: Interned<T>, replaceable: boolean, label?: string) => Expr

/** A copy of `expr` with each child (as `eachChild` sees them) passed through `f`; labels name where a shared const was first seen. */
export function rebuild<T>(expr: Expr, tree: Interned<T>, f: Rewrite<T>): Expr {
  const parts = tree.parts
  switch (expr.kind) {
    case 'member':
      return { ...expr, target: f(expr.target, parts[0]!, false) }
    case 'call': {
      const args = expr.args.map((a, i) => f(a, parts[i + 1]!, true))
      const callee = expr.callee
      if (callee.kind === 'member' && UNIVERSAL.has(callee.name)) return { ...expr, callee: { ...callee, target: f(callee.target, parts[0]!.parts[0]!, true) }, args }
      return { ...expr, callee: f(callee, parts[0]!, false), args }
    }
    case 'object':
      return { ...expr, entries: expr.entries.map(([k, v], i) => [k, f(v, parts[i]!, true, k.replace(/[^A-Za-z0-9_$]/g, '_'))]) }
    case 'array':
      return { ...expr, items: expr.items.map((item, i) => f(item, parts[i]!, true, 'item')) }
    case 'arrow':
      return { ...expr, body: f(expr.body, parts[0]!, false) }
    case 'comment':
      return { ...expr, expr: f(expr.expr, parts[0]!, false) }
    case 'code':
      return expr
  }
}
