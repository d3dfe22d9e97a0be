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
 * (with its id) from its already interned parts, in `partsOf` order; it runs once per id.
 *
 * A node is the sequence of its kind, its own strings and its parts' ids, folded into an id one
 * pair at a time in a table of integer pairs (`PairTable`): no key is built per node (string keys
 * were most of this pass's time and garbage on Microsoft Graph). The fold is injective because
 * each kind fixes where its strings and its parts sit in the sequence.
 */
export function structuralInterner<T extends { readonly id: number }>(describe: (expr: Expr, id: number, parts: readonly T[]) => T): (expr: Expr) => T {
  const memo = new Map<Expr, T>()
  const described: T[] = []
  const pairs = new PairTable()
  const strings = new Map<string, number>()
  const str = (text: string): number => {
    let id = strings.get(text)
    if (id === undefined) strings.set(text, (id = strings.size))
    return id
  }
  const intern = (expr: Expr): T => {
    let node = memo.get(expr)
    if (node) return node
    let parts: T[]
    let id: number
    switch (expr.kind) {
      case 'code':
        parts = []
        id = pairs.pair(CODE, str(expr.code))
        break
      case 'member':
        parts = [intern(expr.target)]
        id = pairs.pair(pairs.pair(MEMBER, parts[0]!.id), str(expr.name))
        break
      case 'call':
        parts = [intern(expr.callee)]
        id = pairs.pair(CALL, parts[0]!.id)
        for (const arg of expr.args) {
          const part = intern(arg)
          parts.push(part)
          id = pairs.pair(id, part.id)
        }
        break
      case 'object':
        parts = []
        id = OBJECT
        for (const [key, value] of expr.entries) {
          const part = intern(value)
          parts.push(part)
          id = pairs.pair(pairs.pair(id, str(key)), part.id)
        }
        break
      case 'array':
        parts = []
        id = ARRAY
        for (const item of expr.items) {
          const part = intern(item)
          parts.push(part)
          id = pairs.pair(id, part.id)
        }
        break
      case 'arrow':
        parts = [intern(expr.body)]
        id = pairs.pair(ARROW, parts[0]!.id)
        break
      case 'comment':
        parts = [intern(expr.expr)]
        id = pairs.pair(pairs.pair(COMMENT, str(expr.text)), parts[0]!.id)
        break
    }
    node = described[id] ??= describe(expr, id, parts)
    memo.set(expr, node)
    return node
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
