import { code, type Expr } from './expr.js'
import { SCHEMA_HELPERS } from './helpers.js'
import type { NamedExpr } from './operations.js'
import { eachChild, type Interned, isZodNamespace, rebuild, structuralInterner } from './shared.js'

interface LeafInfo {
  id: number
  /** Roughly how many syntax nodes tsc parses and binds for the expression. */
  weight: number
  /** A schema value (a `$z` call chain or a helper that returns one). */
  schema: boolean
  /** References no schema const, so it can be built when the file loads. */
  closed: boolean
}

/** The variables `internLeaves` adds (in build order: dependencies first) and the rewritten builders. */
export interface InternedLeaves {
  leaves: NamedExpr[]
  consts: NamedExpr[]
}

/**
 * Small schemas that reference no other schema const and occur more than once
 * (`$z.string()`, `$z.string().optional()`, `$z.string().refine($uri, …)`,
 * `$num($z.int()).default(30)`) become one variable each, `$1`, `$2`, …, and
 * every occurrence becomes that name. They are built together when the first
 * schema is (`$lazy` in helpers.ts), so importing the file still builds nothing.
 *
 * Why: users' tsc skips checking the body of schemas.ts (`@ts-nocheck`) but
 * still parses and binds all of it, at a cost that follows the number of
 * syntax nodes: GitHub's file had 293k, as many as its 6.5 MB types.ts, and
 * `$z.string()` alone occurred 10,623 times. A zod schema is immutable, so
 * one instance serves every place that uses it (and a server builds fewer).
 * Only small expressions are interned (bigger repeated ones are
 * `hoistShared`'s lazy consts), so the first build adds a few hundred scalar
 * schemas at most. Replaced are only value positions, as in `hoistShared`.
 */
export function internLeaves(consts: NamedExpr[], maxWeight = 40): InternedLeaves {
  const refs = new Set(consts.map((c) => c.name))
  const nodeById = new Map<number, LeafInfo>()
  const intern = structuralInterner<LeafInfo>((expr, id, parts) => {
    // Its own node plus its parts'; an object also counts its keys and colons.
    let weight = 1 + parts.reduce((sum, p) => sum + p.weight, 0)
    let schema = false
    let closed = parts.every((p) => p.closed)
    switch (expr.kind) {
      case 'code':
        closed = !refs.has(expr.code)
        break
      case 'member':
        weight += 1
        schema = (expr.target.kind === 'code' && expr.target.code === '$z') || parts[0]!.schema || isZodNamespace(expr.target)
        break
      case 'call':
        schema = parts[0]!.schema || (expr.callee.kind === 'code' && SCHEMA_HELPERS.has(expr.callee.code))
        break
      case 'object':
        weight += 2 * expr.entries.length
        break
    }
    const node = { id, weight, schema, closed }
    nodeById.set(id, node)
    return node
  })
  const eligible = (node: LeafInfo) => node.schema && node.closed && node.weight > 1 && node.weight <= maxWeight

  // Worth a const when the occurrences save more nodes than the declaration (`const $n = …`) adds.
  const worth = (node: LeafInfo, counts: Map<number, number>) => {
    const count = counts.get(node.id) ?? 0
    return count > 1 && count * (node.weight - 1) > node.weight + 4
  }
  // Occurrences inside an interned leaf count once (its declaration), so a part used only through
  // one bigger leaf is not declared on its own: counted again until the chosen set stops changing.
  const trees = consts.map((item) => intern(item.expr))
  let chosen = new Set<number>()
  for (let round = 0; round < 4; round++) {
    const counts = new Map<number, number>()
    const seen = new Set<number>()
    const visit = (expr: Expr, tree: Interned<LeafInfo>, replaceable: boolean): void => {
      const { node } = tree
      if (replaceable && eligible(node)) {
        counts.set(node.id, (counts.get(node.id) ?? 0) + 1)
        if (chosen.has(node.id)) {
          if (seen.has(node.id)) return
          seen.add(node.id)
        }
      }
      eachChild(expr, tree, visit)
    }
    consts.forEach((item, i) => visit(item.expr, trees[i]!, false))
    const next = new Set([...counts.keys()].filter((id) => worth(nodeById.get(id)!, counts)))
    const stable = next.size === chosen.size && [...next].every((id) => chosen.has(id))
    chosen = next
    if (stable) break
  }

  const leaves: NamedExpr[] = []
  const names = new Map<number, string>()
  const rewrite = (expr: Expr, tree: Interned<LeafInfo>, replaceable: boolean): Expr => {
    const { node } = tree
    if (replaceable && chosen.has(node.id)) {
      let name = names.get(node.id)
      if (name === undefined) {
        // Its own parts first: a leaf's const is declared after the leaves it uses.
        const built = rebuild(expr, tree, rewrite)
        name = `$${leaves.length + 1}`
        names.set(node.id, name)
        leaves.push({ name, expr: built })
      }
      return code(name)
    }
    return rebuild(expr, tree, rewrite)
  }
  const rewritten = consts.map((item, i) => ({ name: item.name, expr: rewrite(item.expr, trees[i]!, false) }))
  return { leaves, consts: rewritten }
}
