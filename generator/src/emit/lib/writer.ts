import CodeBlockWriter from 'code-block-writer'

/** A code writer with the settings every emitter shares (2 spaces, single quotes, `\n`), so output style cannot drift. */
export function newWriter(): CodeBlockWriter {
  return new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' })
}

/** One level of indentation, as `newWriter` writes it. */
export const INDENT = '  '

/**
 * `text` with each of its non-empty lines indented `depth` levels, as CodeBlockWriter would write it
 * inside `depth` blocks. For the per-operation tables, joined as plain text: CodeBlockWriter scans
 * every character it is given for quotes and comments, a few percent of Microsoft Graph's
 * generation. Only for text that has no string literal spanning lines (CodeBlockWriter would leave
 * such a literal's lines alone).
 */
export function indented(text: string, depth: number): string {
  const indent = INDENT.repeat(depth)
  // Lines end where CodeBlockWriter ends them (a `^` regex would also break at a lone \r and U+2028),
  // and \r\n becomes \n as there.
  return text
    .split(/\r?\n/)
    .map((line) => (line === '' ? line : indent + line))
    .join('\n')
}

/**
 * A file written as a sequence of parts: CodeBlockWriter for the hand-written code, plain text
 * (`text`) for tables of thousands of entries. Every part starts on a new line at the top level.
 */
export class PartsWriter {
  private readonly parts: string[] = []
  /** The writer of the current code part. */
  w = newWriter()

  /** Ends the current code part (on a new line) and appends `text` as it is; later code goes to a new writer. */
  text(text: string): void {
    if (this.w.getLength() > 0) this.w.newLineIfLastNot()
    this.parts.push(this.w.toString(), text)
    this.w = newWriter()
  }

  /** The whole file. */
  toString(): string {
    return this.parts.join('') + this.w.toString()
  }
}
