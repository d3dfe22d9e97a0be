import type CodeBlockWriter from 'code-block-writer'

/**
 * A tiny expression tree for generated zod code: the translator builds these
 * nodes and `printExpr` is the only place that turns them into text, so
 * quoting, key escaping and layout live in one module.
 */
export type Expr =
  | { kind: 'code'; code: string }
  | { kind: 'call'; callee: Expr; args: Expr[] }
  | { kind: 'member'; target: Expr; name: string }
  | { kind: 'object'; entries: Array<[string, Expr]> }
  | { kind: 'array'; items: Expr[] }
  | { kind: 'arrow'; body: Expr }
  | { kind: 'comment'; text: string; expr: Expr }

/** A verbatim identifier or already-printed literal. */
export const code = (text: string): Expr => ({ kind: 'code', code: text })

/** `callee(args)`. */
export const call = (callee: Expr, ...args: Expr[]): Expr => ({ kind: 'call', callee, args })

/**
 * `$z.name(args)`: a zod factory call. Generated code calls zod through `$z`,
 * zod itself retyped with a narrow non-generic view (helpers.ts), so tsc does
 * not infer a deep type per schema.
 */
export const zod = (name: string, ...args: Expr[]): Expr => call({ kind: 'member', target: code('$z'), name }, ...args)

/** `$z.iso.name(args)` and other nested zod namespaces. */
export const zodPath = (path: string[], ...args: Expr[]): Expr =>
  call(path.reduce<Expr>((target, name) => ({ kind: 'member', target, name }), code('$z')), ...args)

/** `target.name(args)`: a chained zod method. */
export const method = (target: Expr, name: string, ...args: Expr[]): Expr => call({ kind: 'member', target, name }, ...args)

/** An object literal; entries keep the given order. */
export const object = (entries: Array<[string, Expr]>): Expr => ({ kind: 'object', entries })

/** An array literal. */
export const array = (items: Expr[]): Expr => ({ kind: 'array', items })

/** `() => body`. */
export const arrow = (body: Expr): Expr => ({ kind: 'arrow', body })

/** `/* text *\/ expr`, for skipped keywords the reader should know about. */
export const comment = (text: string, expr: Expr): Expr => ({ kind: 'comment', text, expr })

/** A JSON value as a TypeScript literal (single-quoted strings). */
export function literal(value: unknown): Expr {
  if (typeof value === 'string') return code(quote(value))
  if (value === undefined) return code('undefined')
  if (Array.isArray(value)) return array(value.map(literal))
  if (value !== null && typeof value === 'object') {
    return object(Object.entries(value).map(([key, item]) => [key, literal(item)]))
  }
  return code(JSON.stringify(value))
}

/** A single-quoted string literal; JSON escaping keeps control characters and line separators safe. */
export function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")
  return `'${escaped}'`
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** An object key: bare when identifier-safe; `__proto__` is computed so it stays an own property. */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${quote(key)}]`
  return IDENTIFIER.test(key) ? key : quote(key)
}

/** Writes `expr` at the writer's position; objects and long arrays break over lines. */
export function printExpr(writer: CodeBlockWriter, expr: Expr): void {
  switch (expr.kind) {
    case 'code':
      writer.write(expr.code)
      return
    case 'member':
      printExpr(writer, expr.target)
      writer.write(`.${expr.name}`)
      return
    case 'call':
      printExpr(writer, expr.callee)
      writer.write('(')
      expr.args.forEach((arg, index) => {
        if (index > 0) writer.write(', ')
        printExpr(writer, arg)
      })
      writer.write(')')
      return
    case 'arrow':
      writer.write('() => ')
      printExpr(writer, expr.body)
      return
    case 'comment':
      // Quotes are removed so the writer's string tracking cannot be confused by a comment.
      writer.write(`/* ${expr.text.replace(/\*\//g, '* /').replace(/['"`\n\r]/g, ' ')} */ `)
      printExpr(writer, expr.expr)
      return
    case 'array':
      printArray(writer, expr.items)
      return
    case 'object':
      printObject(writer, expr.entries)
      return
  }
}

function printArray(writer: CodeBlockWriter, items: Expr[]): void {
  if (items.every((item) => item.kind === 'code') && items.length <= 12) {
    writer.write('[')
    items.forEach((item, index) => {
      if (index > 0) writer.write(', ')
      printExpr(writer, item)
    })
    writer.write(']')
    return
  }
  writer.write('[').newLine()
  writer.indent(() => {
    for (const item of items) {
      printExpr(writer, item)
      writer.write(',').newLine()
    }
  })
  writer.write(']')
}

function printObject(writer: CodeBlockWriter, entries: Array<[string, Expr]>): void {
  if (entries.length === 0) {
    writer.write('{}')
    return
  }
  // Option bags such as `{ offset: true }` stay on one line.
  if (entries.length <= 2 && entries.every(([, value]) => value.kind === 'code')) {
    writer.write('{ ')
    entries.forEach(([key, value], index) => {
      if (index > 0) writer.write(', ')
      writer.write(`${propertyKey(key)}: `)
      printExpr(writer, value)
    })
    writer.write(' }')
    return
  }
  writer.write('{').newLine()
  writer.indent(() => {
    for (const [key, value] of entries) {
      writer.write(`${propertyKey(key)}: `)
      printExpr(writer, value)
      writer.write(',').newLine()
    }
  })
  writer.write('}')
}
