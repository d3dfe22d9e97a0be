import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument, type Node } from 'yaml'
import { GatehouseError } from '../errors.js'
import { lineStarts } from './locate.js'

/** One source file, read and parsed. */
export interface ParsedSource {
  /** Absolute path. */
  file: string
  /** The text without its BOM. */
  text: string
  format: 'json' | 'yaml'
  parsed: unknown
  /** The YAML syntax tree (YAML sources only), for the locator: parsing the text again costs as much as the load. */
  yamlRoot?: Node | null
}

/** Reads and parses a JSON or YAML file; a UTF-8 BOM is dropped (some exporters write one). */
export async function readSource(file: string, displayName = file): Promise<ParsedSource> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new GatehouseError('unreadable-file', `cannot read the document: ${reason}`, { file: displayName }, { cause: error })
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return parseSource(file, text, displayName)
}

/** Parses text as JSON when it looks like JSON (fast path for the 13 MB GitHub spec), else as YAML. */
export function parseSource(file: string, text: string, displayName = file): ParsedSource {
  const looksJson = /^\s*[{[]/.test(text) || file.endsWith('.json')
  if (looksJson) {
    try {
      return { file, text, format: 'json', parsed: JSON.parse(text) }
    } catch (error) {
      if (file.endsWith('.json')) throw jsonSyntaxError(text, error as SyntaxError, displayName)
      // Flow-style YAML also starts with `{`: let the YAML parser have a go.
    }
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: true })
  const first = doc.errors[0]
  if (first) {
    const at = first.linePos?.[0]
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    throw new GatehouseError('syntax-error', `YAML syntax error: ${message}`, { file: displayName, line: at?.line, column: at?.col })
  }
  return { file, text, format: 'yaml', parsed: doc.toJS({ maxAliasCount: -1 }), yamlRoot: doc.contents }
}

function jsonSyntaxError(text: string, error: SyntaxError, file: string): GatehouseError {
  // V8 reports either "at position N" or "(line L column C)" depending on the version.
  const lineCol = /line (\d+) column (\d+)/.exec(error.message)
  const pos = /position (\d+)/.exec(error.message)
  let line: number | undefined
  let column: number | undefined
  if (lineCol) {
    line = Number(lineCol[1])
    column = Number(lineCol[2])
  } else if (pos) {
    const offset = Number(pos[1])
    const starts = lineStarts(text)
    let l = 0
    while (l + 1 < starts.length && starts[l + 1]! <= offset) l++
    line = l + 1
    column = offset - starts[l]! + 1
  }
  const message = error.message.replace(/,? ".*" is not valid JSON/s, '').replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)/, '')
  return new GatehouseError('syntax-error', `JSON syntax error: ${message}`, { file, line, column })
}
