import CodeBlockWriter from 'code-block-writer'
import type { ApiModel } from '../../model/types.js'
import type { Emitter } from '../emitter.js'
import { generatedHeader, SKIP_CHECK } from '../header.js'
import { arrow, call, code, type Expr, forEachChild, mapChildren, object, renderExpr } from './expr.js'
import { writeHelpers, writePrelude } from './helpers.js'
import { internLeaves } from './leaves.js'
import { operationEntry, type NamedExpr } from './operations.js'
import { planComponents } from './plan.js'
import { hoistShared } from './shared.js'

/**
 * `schemas.ts`: zod 4 schemas for every component and, per operation, its
 * parameters, request body and response bodies (contract in docs/internals.md).
 */
export const schemasEmitter: Emitter = {
  file: 'schemas.ts',
  targets: ['server'],
  emit: (model, options) => emitSchemas(model, options.specName),
}

/**
 * Renders `schemas.ts` for a model; pure and deterministic (same model, same bytes).
 *
 * Each schema is built by its own function declaration, wrapped in `z.lazy`:
 * - building zod schemas is slow (seconds for GitHub's thousands), so a
 *   server pays only for the schemas its requests actually reach, on first use;
 * - references between consts need no ordering, cycles included;
 * - tsc's control-flow analysis of a reference to a top-level const walks
 *   back over every declaration in between (quadratic on large specs) but
 *   stops at a function boundary, and all references sit inside builders.
 */
export function emitSchemas(model: ApiModel, specName: string): string {
  const plan = planComponents(model)
  const operationConsts: NamedExpr[] = []
  const operations: Array<[string, Expr]> = model.operations.map((operation) => [
    operation.name,
    operationEntry(operation, plan.env, plan.allocate, operationConsts),
  ])

  // An operation's own inline schemas (not components, not the consts drain() adds for local refs).
  const operationOwn = new Set(operationConsts.map((c) => c.name))
  operationConsts.push(...plan.drain())

  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true })
  writer.write(generatedHeader(specName) + SKIP_CHECK)
  // zod through @gatehouse/server/zod: zod itself at run time, without zod's classic declarations for tsc.
  writer.writeLine("import { z, type Schema } from '@gatehouse/server/zod'")
  // Typed leaves come from types.ts, lazily: a mapped type costs tsc nothing until a key is read.
  const typed = model.schemas.length > 0
  if (typed) writer.writeLine("import type { components } from './types.js'")
  writer.blankLine()
  const interned = internLeaves(hoistShared([...plan.consts, ...operationConsts], plan.allocate))
  const merged = mergeIdentical(interned.consts, operations, operationOwn)
  const { consts, table } = inlineSingleUse(merged.consts, merged.table, operationOwn)
  writePrelude(writer, interned.leaves.length > 0)
  writeHelpers(writer, plan.helpers)
  // The declarations, nearly all of the file, are joined as text: CodeBlockWriter would scan each of
  // their characters for quotes and comments (about a tenth of Microsoft Graph's generation time).
  const parts = [writer.toString(), leavesText(interned.leaves)]
  for (const item of consts) {
    parts.push(`function ${item.name}$(): $Schema {\n${INDENT}return ${renderExpr(item.expr, INDENT)}\n}\nconst ${item.name} = $lazy(${item.name}$)\n`)
  }
  parts.push(
    '\n',
    exportText(
      'Every schema of `components.schemas`, keyed by its name as written in the spec; `z.infer` gives its types.ts type.',
      'componentSchemas',
      object(plan.components.map(({ name, constName }) => [name, code(constName)])),
      typed ? "{ readonly [K in keyof components['schemas']]: Schema<components['schemas'][K]> }" : undefined,
    ),
    '\n',
    exportText(
      'Per operation: parameters by location, request body, and response bodies per status and media type.',
      'operationSchemas',
      object(table),
      '{ readonly [operation: string]: $Operation<Schema> }',
      '{ readonly [operation: string]: $Operation<$Schema> }',
    ),
  )
  return parts.join('')
}

/**
 * Operations' own inline schemas written the same (GitHub: 170 operations have the path parameters
 * `{ org }`) become one schema, declared once: GitHub's 2,317 inline schemas become 482 inline and
 * 310 shared, a ninth fewer syntax nodes in schemas.ts, which users' tsc parses, binds and walks
 * for its declaration diagnostics though it skips checking the file. zod schemas are immutable, so
 * one instance serves every operation. Compared by rendered text after `internLeaves`, again until
 * nothing merges: two schemas that differ only by references to merged ones merge next.
 */
function mergeIdentical(
  consts: NamedExpr[],
  operations: Array<[string, Expr]>,
  candidates: ReadonlySet<string>,
): { consts: NamedExpr[]; table: Array<[string, Expr]> } {
  let table = operations
  for (;;) {
    const first = new Map<string, string>()
    const renamed = new Map<string, string>()
    for (const item of consts) {
      if (!candidates.has(item.name)) continue
      const text = renderExpr(item.expr)
      const kept = first.get(text)
      if (kept === undefined) first.set(text, item.name)
      else renamed.set(item.name, kept)
    }
    if (renamed.size === 0) return { consts, table }
    const replace = (expr: Expr): Expr => (expr.kind === 'code' ? (renamed.has(expr.code) ? code(renamed.get(expr.code)!) : expr) : mapChildren(expr, replace))
    consts = consts.filter((item) => !renamed.has(item.name)).map((item) => ({ ...item, expr: replace(item.expr) }))
    table = table.map(([name, entry]) => [name, replace(entry)])
  }
}

/**
 * An operation's inline schema that only its `operationSchemas` entry uses (most of them: GitHub's
 * 2,317 of 3,444 consts) is written there, as `$lazy(() => …)`, instead of as a builder function and
 * a const: a tenth of schemas.ts's syntax nodes and a quarter of its text, which users' tsc parses
 * and binds though it skips checking the file. Still lazy, and still cheap to check: a reference
 * inside the arrow function stops its control-flow walk at `$operationSchemas`, whose body is one
 * return statement.
 */
function inlineSingleUse(
  consts: NamedExpr[],
  operations: Array<[string, Expr]>,
  candidates: ReadonlySet<string>,
): { consts: NamedExpr[]; table: Array<[string, Expr]> } {
  const uses = new Map<string, number>()
  const count = (expr: Expr): void => {
    if (expr.kind === 'code') {
      if (candidates.has(expr.code)) uses.set(expr.code, (uses.get(expr.code) ?? 0) + 1)
      return
    }
    forEachChild(expr, count)
  }
  for (const item of consts) count(item.expr)
  const inBuilders = new Map(uses)
  uses.clear()
  for (const [, entry] of operations) count(entry)
  const inline = new Map<string, Expr>()
  for (const item of consts) {
    if (uses.get(item.name) === 1 && !inBuilders.has(item.name) && item.expr.kind !== 'object') inline.set(item.name, call(code('$lazy'), arrow(item.expr)))
  }
  const replace = (expr: Expr): Expr => (expr.kind === 'code' ? (inline.get(expr.code) ?? expr) : mapChildren(expr, replace))
  return {
    consts: consts.filter((item) => !inline.has(item.name)),
    table: operations.map(([name, entry]) => [name, replace(entry)]),
  }
}

/**
 * The shared small schemas (leaves.ts): declared up front, built together by the first `$lazy`
 * getter that runs.
 */
function leavesText(leaves: NamedExpr[]): string {
  if (leaves.length === 0) return ''
  const lines = ['// Small schemas used in several places, built once (zod schemas are immutable), when the first schema is.']
  for (let i = 0; i < leaves.length; i += 10) lines.push(`let ${leaves.slice(i, i + 10).map((leaf) => `${leaf.name}: $Schema`).join(', ')}`)
  lines.push('let $leavesBuilt = false', 'function $leaves(): void {', `${INDENT}$leavesBuilt = true`)
  for (const leaf of leaves) lines.push(`${INDENT}${leaf.name} = ${renderExpr(leaf.expr, INDENT)}`)
  lines.push('}', '', '')
  return lines.join('\n')
}

/** One level of the file's indentation (the prelude and helpers, written by CodeBlockWriter, use the same). */
const INDENT = '  '

/**
 * An exported table and its builder. `type`: the export's declared type; by default every leaf is a
 * plain `Schema` ($AsZod). `built`: the builder's return type, which the value is checked against
 * where the file is checked.
 */
function exportText(doc: string, name: string, value: Expr, type?: string, built?: string): string {
  return (
    `/** ${doc} */\n` +
    `export const ${name} = $${name}() as unknown as ${type ?? `$AsZod<ReturnType<typeof $${name}>>`}\n` +
    `function $${name}()${built ? `: ${built}` : ''} {\n${INDENT}return ${renderExpr(value, INDENT)}\n}\n`
  )
}
