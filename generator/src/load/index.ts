import { resolve } from 'node:path'
import { GatehouseError, siteOf } from '../errors.js'
import { bundleSource } from './bundle.js'
import { createLocator, type Locator } from './locate.js'
import { parseSource, readSource, type ParsedSource } from './parse.js'
import { shortPath } from './paths.js'
import { firstRefProblem } from './refs.js'

export { createLocator, type Locator } from './locate.js'
export { escapeToken, getAt, parsePointer, toPointer } from './pointer.js'

/** A read, version-checked and bundled OpenAPI document: the input of `buildModel()`. */
export interface LoadedDocument {
  /** Absolute path of the root document. */
  file: string
  /** The root path as the user should see it in messages (relative to the working directory). */
  displayName: string
  openapiVersion: '3.0' | '3.1'
  /** The bundled document: external refs inlined, local refs kept. */
  document: Record<string, unknown>
  /** Every file read (root first), for `--watch`. */
  files: string[]
  /** Source position of a pointer into the root document. */
  locate: Locator
}

/**
 * Reads a JSON or YAML OpenAPI 3.0/3.1 document and bundles its external refs.
 * @throws GatehouseError on unreadable files, syntax errors, unsupported versions and dangling refs.
 */
export async function loadDocument(specPath: string): Promise<LoadedDocument> {
  const file = resolve(specPath)
  const displayName = shortPath(file)
  return loadParsed(await readSource(file, displayName), displayName)
}

/**
 * Like `loadDocument`, for a document already in memory; `file` names it in messages and
 * is the base of its relative refs.
 * @example const loaded = await loadDocumentFromText('openapi: 3.1.0\n…', 'inline.yaml')
 */
export async function loadDocumentFromText(text: string, file = 'inline.yaml'): Promise<LoadedDocument> {
  const absolute = resolve(file)
  const displayName = shortPath(absolute)
  return loadParsed(parseSource(absolute, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, displayName), displayName)
}

async function loadParsed(source: ParsedSource, displayName: string): Promise<LoadedDocument> {
  const file = source.file
  const locate = createLocator(displayName, source.text, source.format, source.yamlRoot)
  const root = source.parsed
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new GatehouseError('invalid-document', 'not an OpenAPI document: the root is not an object', { file: displayName, line: 1, column: 1 })
  }
  const openapiVersion = checkVersion(root as Record<string, unknown>, displayName, locate)
  const problem = firstRefProblem(root)
  if (problem?.kind === 'dangling') {
    throw new GatehouseError('dangling-ref', `dangling $ref "${problem.ref}": nothing at that location (used at #${problem.pointer})`, siteOf(displayName, problem.pointer, locate))
  }
  // Only documents with external refs go through the bundler; the rest are bundled already.
  const bundled = problem ? await bundleSource(source, locate, displayName) : { document: root as Record<string, unknown>, files: [file] }
  return { file, displayName, openapiVersion, document: bundled.document, files: bundled.files, locate }
}

function checkVersion(root: Record<string, unknown>, file: string, locate: Locator): '3.0' | '3.1' {
  if (root.swagger !== undefined) {
    const at = locate('/swagger')
    throw new GatehouseError(
      'unsupported-version',
      `Swagger ${String(root.swagger)} is not supported; convert it to OpenAPI 3 first, e.g. \`npx swagger2openapi ${file} -o openapi.yaml\``,
      { file, line: at?.line, column: at?.column, pointer: '/swagger' },
    )
  }
  const version = root.openapi
  const match = typeof version === 'string' ? /^3\.([01])(\.\d+)?(-[\w.]+)?$/.exec(version) : null
  if (!match) {
    const at = locate('/openapi')
    const what = version === undefined ? 'no `openapi` field' : `openapi ${JSON.stringify(version)}`
    throw new GatehouseError('unsupported-version', `unsupported document: ${what}; gatehouse reads OpenAPI 3.0.x and 3.1.x`, {
      file,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      pointer: '/openapi',
    })
  }
  return match[1] === '0' ? '3.0' : '3.1'
}
