import CodeBlockWriter from 'code-block-writer'
import type { ApiModel } from '../../model/types.js'
import type { Emitter } from '../emitter.js'
import { generatedHeader, SKIP_CHECK } from '../header.js'
import { code, type Expr, object, renderExpr } from './expr.js'
import { writeHelpers, writePrelude } from './helpers.js'
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

  operationConsts.push(...plan.drain())

  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true })
  writer.write(generatedHeader(specName) + SKIP_CHECK)
  writer.writeLine("import { z } from 'zod'")
  // Typed leaves come from types.ts, lazily: a mapped type costs tsc nothing until a key is read.
  const typed = model.schemas.length > 0
  if (typed) writer.writeLine("import type { components } from './types.js'")
  writer.blankLine()
  writePrelude(writer)
  writeHelpers(writer, plan.helpers)
  // The declarations, nearly all of the file, are joined as text: CodeBlockWriter would scan each of
  // their characters for quotes and comments (about a tenth of Microsoft Graph's generation time).
  const parts = [writer.toString()]
  for (const item of hoistShared([...plan.consts, ...operationConsts], plan.allocate)) {
    parts.push(`function ${item.name}$(): $Schema {\n${INDENT}return ${renderExpr(item.expr, INDENT)}\n}\nconst ${item.name}: $Schema = $lazy(${item.name}$)\n`)
  }
  parts.push(
    '\n',
    exportText(
      'Every schema of `components.schemas`, keyed by its name as written in the spec; `z.infer` gives its types.ts type.',
      'componentSchemas',
      object(plan.components.map(({ name, constName }) => [name, code(constName)])),
      typed ? "{ readonly [K in keyof components['schemas']]: z.ZodType<components['schemas'][K]> }" : undefined,
    ),
    '\n',
    exportText(
      'Per operation: parameters by location, request body, and response bodies per status and media type.',
      'operationSchemas',
      object(operations),
      '{ readonly [operation: string]: $Operation<z.ZodType> }',
      '{ readonly [operation: string]: $Operation<$Schema> }',
    ),
  )
  return parts.join('')
}

/** One level of the file's indentation (the prelude and helpers, written by CodeBlockWriter, use the same). */
const INDENT = '  '

/**
 * An exported table and its builder. `type`: the export's declared type; by default every leaf is a
 * plain `z.ZodType` ($AsZod). `built`: the builder's return type, which the value is checked against
 * where the file is checked.
 */
function exportText(doc: string, name: string, value: Expr, type?: string, built?: string): string {
  return (
    `/** ${doc} */\n` +
    `export const ${name} = $${name}() as unknown as ${type ?? `$AsZod<ReturnType<typeof $${name}>>`}\n` +
    `function $${name}()${built ? `: ${built}` : ''} {\n${INDENT}return ${renderExpr(value, INDENT)}\n}\n`
  )
}
