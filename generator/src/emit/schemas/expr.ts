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

/** Calls `f` on each direct child of `expr`. */
export function forEachChild(expr: Expr, f: (child: Expr) => void): void {
  switch (expr.kind) {
    case 'member':
      return f(expr.target)
    case 'call':
      f(expr.callee)
      return expr.args.forEach(f)
    case 'object':
      return expr.entries.forEach(([, value]) => f(value))
    case 'array':
      return expr.items.forEach(f)
    case 'arrow':
      return f(expr.body)
    case 'comment':
      return f(expr.expr)
    case 'code':
      return
  }
}

/** A copy of `expr` with each direct child replaced by `f(child)`. */
export function mapChildren(expr: Expr, f: (child: Expr) => Expr): Expr {
  switch (expr.kind) {
    case 'member':
      return { ...expr, target: f(expr.target) }
    case 'call':
      return { ...expr, callee: f(expr.callee), args: expr.args.map(f) }
    case 'object':
      return { ...expr, entries: expr.entries.map(([key, value]) => [key, f(value)]) }
    case 'array':
      return { ...expr, items: expr.items.map(f) }
    case 'arrow':
      return { ...expr, body: f(expr.body) }
    case 'comment':
      return { ...expr, expr: f(expr.expr) }
    case 'code':
      return expr
  }
}

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

/**
 * Renders `expr` as source text; objects and long arrays break over lines, each
 * continuation line starting with `indent` plus its own depth. Rendering to one
 * string per declaration, rather than a writer call per token, keeps printing
 * GitHub's schemas ~3× faster.
 */
export function renderExpr(expr: Expr, indent = ''): string {
  const out: string[] = []
  render(expr, out, indent)
  return out.join('')
}

function render(expr: Expr, out: string[], indent: string): void {
  switch (expr.kind) {
    case 'code':
      out.push(expr.code)
      return
    case 'member':
      render(expr.target, out, indent)
      out.push('.', expr.name)
      return
    case 'call':
      render(expr.callee, out, indent)
      out.push('(')
      expr.args.forEach((arg, index) => {
        if (index > 0) out.push(', ')
        render(arg, out, indent)
      })
      out.push(')')
      return
    case 'arrow':
      out.push('() => ')
      render(expr.body, out, indent)
      return
    case 'comment':
      // Quotes are blanked so CodeBlockWriter's string tracking is never confused by a comment.
      out.push(`/* ${expr.text.replace(/\*\//g, '* /').replace(/['"`\n\r]/g, ' ')} */ `)
      render(expr.expr, out, indent)
      return
    case 'array':
      renderArray(expr.items, out, indent)
      return
    case 'object':
      renderObject(expr.entries, out, indent)
      return
  }
}

function renderArray(items: Expr[], out: string[], indent: string): void {
  if (items.every((item) => item.kind === 'code') && items.length <= 12) {
    out.push('[')
    items.forEach((item, index) => {
      if (index > 0) out.push(', ')
      render(item, out, indent)
    })
    out.push(']')
    return
  }
  const inner = indent + '  '
  out.push('[\n')
  for (const item of items) {
    out.push(inner)
    render(item, out, inner)
    out.push(',\n')
  }
  out.push(indent, ']')
}

function renderObject(entries: Array<[string, Expr]>, out: string[], indent: string): void {
  if (entries.length === 0) {
    out.push('{}')
    return
  }
  // Option bags such as `{ offset: true }` stay on one line.
  if (entries.length <= 2 && entries.every(([, value]) => value.kind === 'code')) {
    out.push('{ ')
    entries.forEach(([key, value], index) => {
      if (index > 0) out.push(', ')
      out.push(propertyKey(key), ': ')
      render(value, out, indent)
    })
    out.push(' }')
    return
  }
  const inner = indent + '  '
  out.push('{\n')
  for (const [key, value] of entries) {
    out.push(inner, propertyKey(key), ': ')
    render(value, out, inner)
    out.push(',\n')
  }
  out.push(indent, '}')
}
