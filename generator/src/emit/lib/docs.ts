/** Makes spec text safe inside a `/** … *\/` block: a `*\/` in a description would end the comment early. */
export function jsdocText(text: string): string {
  return text.replace(/\*\//g, '*\\/').trim()
}

/** A JSDoc block from lines of spec text, or nothing when there is no text. */
export function jsdoc(lines: (string | undefined)[]): string {
  const text = lines.filter((l): l is string => l !== undefined && l.trim() !== '').flatMap((l) => jsdocText(l).split('\n'))
  if (text.length === 0) return ''
  if (text.length === 1) return `/** ${text[0]} */\n`
  return `/**\n${text.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`
}
