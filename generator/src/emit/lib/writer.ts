import CodeBlockWriter from 'code-block-writer'

/** A code writer with the settings every emitter shares (2 spaces, single quotes, `\n`), so output style cannot drift. */
export function newWriter(): CodeBlockWriter {
  return new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' })
}
