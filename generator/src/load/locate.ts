import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { SourceLocation } from '../model/types.js'
import { parsePointer } from './pointer.js'

/** Turns a JSON pointer of one source file into a `file:line:col` (1-based), or `undefined` if absent. */
export type Locator = (pointer: string) => SourceLocation | undefined

/**
 * A locator over the source text. Nothing is computed until the first lookup:
 * locations are only needed for diagnostics, and a 13 MB spec must not pay for them.
 * @param yamlRoot the syntax tree of a YAML text when the caller has one (it is parsed on first lookup otherwise).
 */
export function createLocator(file: string, text: string, format: 'json' | 'yaml', yamlRoot?: Node | null): Locator {
  let lines: number[] | undefined
  const position = (offset: number): SourceLocation => {
    lines ??= lineStarts(text)
    let lo = 0
    let hi = lines.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lines[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { file, line: lo + 1, column: offset - lines[lo]! + 1 }
  }
  if (format === 'json') {
    let walk: ((tokens: string[]) => number | undefined) | undefined
    return (pointer) => {
      walk ??= createJsonWalker(text)
      const offset = walk(parsePointer(pointer))
      return offset === undefined ? undefined : position(offset)
    }
  }
  let root = yamlRoot
  return (pointer) => {
    root ??= parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false }).contents as Node | null
    const offset = yamlOffset(root, parsePointer(pointer))
    return offset === undefined ? undefined : position(offset)
  }
}

/** Offset of the first character of each line. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function yamlOffset(root: Node | null, tokens: string[]): number | undefined {
  let node: unknown = root
  let offset = root?.range?.[0]
  for (const token of tokens) {
    while (isAlias(node)) node = (node as { source?: unknown }).source
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === token)
      if (!pair) return undefined
      node = pair.value
      offset = (isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value.range?.[0] : undefined) ?? (pair.key as Node | null)?.range?.[0]
    } else if (isSeq(node)) {
      const item = node.items[Number(token)] as Node | undefined
      if (!item) return undefined
      node = item
      offset = item.range?.[0]
    } else return undefined
  }
  return offset
}

/**
 * Walks the JSON text along the pointer. Each container on the way is indexed
 * once (key or index → offset of its value) and remembered, so a linter that
 * locates hundreds of findings in a 13 MB document scans each container once
 * instead of rescanning the text from the start for every pointer.
 */
function createJsonWalker(text: string): (tokens: string[]) => number | undefined {
  const indexes = new Map<number, Map<string, number> | number[]>()
  const indexAt = (start: number): Map<string, number> | number[] | undefined => {
    let index = indexes.get(start)
    if (index === undefined) {
      if (text[start] === '{') index = objectIndex(text, start)
      else if (text[start] === '[') index = arrayIndex(text, start)
      else return undefined
      indexes.set(start, index)
    }
    return index
  }
  return (tokens) => {
    let offset: number | undefined = skipWs(text, 0)
    for (const token of tokens) {
      const index = indexAt(offset)
      if (index === undefined) return undefined
      offset = Array.isArray(index) ? (/^(0|[1-9]\d*)$/.test(token) ? index[Number(token)] : undefined) : index.get(token)
      if (offset === undefined) return undefined
    }
    return offset
  }
}

/** Key → value offset of the object starting at `start` (the first occurrence of a key wins, as a reader sees it first). */
function objectIndex(text: string, start: number): Map<string, number> {
  const index = new Map<string, number>()
  let i = skipWs(text, start + 1)
  while (text[i] === '"') {
    const end = stringEnd(text, i)
    const key = JSON.parse(text.slice(i, end)) as string
    i = skipWs(text, end)
    i = skipWs(text, i + 1) // ':'
    if (!index.has(key)) index.set(key, i)
    i = skipWs(text, valueEnd(text, i))
    if (text[i] === ',') i = skipWs(text, i + 1)
  }
  return index
}

/** Value offsets of the array starting at `start`. */
function arrayIndex(text: string, start: number): number[] {
  const index: number[] = []
  let i = skipWs(text, start + 1)
  while (i < text.length && text[i] !== ']') {
    index.push(i)
    i = skipWs(text, valueEnd(text, i))
    if (text[i] !== ',') break
    i = skipWs(text, i + 1)
  }
  return index
}

function skipWs(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
  return i
}

function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++
    else if (text[j] === '"') return j + 1
  }
  return text.length
}

function valueEnd(text: string, i: number): number {
  const c = text[i]
  if (c === '"') return stringEnd(text, i)
  if (c === '{' || c === '[') {
    let depth = 0
    for (let j = i; j < text.length; j++) {
      const d = text[j]
      if (d === '"') j = stringEnd(text, j) - 1
      else if (d === '{' || d === '[') depth++
      else if (d === '}' || d === ']') {
        if (--depth === 0) return j + 1
      }
    }
    return text.length
  }
  let j = i
  while (j < text.length && !',}] \n\r\t'.includes(text[j]!)) j++
  return j
}
