import type { Config } from '@redocly/openapi-core'
import { redocly } from '../cjs.js'
import { shortPath } from './paths.js'
import { GatehouseError, siteOf } from '../errors.js'
import { createLocator, type Locator } from './locate.js'
import { getAt } from './pointer.js'
import type { ParsedSource } from './parse.js'

let config: Promise<Config> | undefined

/** Bundling must not lint: an empty rule set keeps redocly to resolving refs (and keeps it fast). */
function bundleConfig(): Promise<Config> {
  config ??= redocly().createConfig({ extends: [], rules: {} })
  return config
}

/** The result of bundling: one document whose refs are all local (`#/components/...`). */
export interface Bundled {
  document: Record<string, unknown>
  /** Every file the document was read from, the root first (for `--watch`). */
  files: string[]
}

/**
 * Inlines external-file `$ref`s into `components` with @redocly/openapi-core,
 * leaving local refs (notably `#/components/schemas/*`) as refs.
 */
export async function bundleSource(root: ParsedSource, rootLocate: Locator, displayName: string): Promise<Bundled> {
  const mime = root.format === 'json' ? 'application/json' : 'application/yaml'
  const { BaseResolver, bundle, Source } = redocly()
  const doc = { source: new Source(root.file, root.text, mime), parsed: root.parsed }
  const result = await bundle({ doc, config: await bundleConfig(), dereference: false, externalRefResolver: new BaseResolver() })
  for (const problem of result.problems) {
    if (problem.severity !== 'error') continue
    const where = problem.location[0]
    const file = where?.source.absoluteRef ?? root.file
    const pointer = (where?.pointer ?? '#').replace(/^#/, '')
    const isRoot = file === root.file
    const locate = isRoot ? rootLocate : createLocator(file, where?.source.body ?? '', /^\s*[{[]/.test(where?.source.body ?? '') ? 'json' : 'yaml')
    const site = siteOf(isRoot ? displayName : shortPath(file), pointer, (p) => {
      const at = locate(p)
      return at && { ...at, file: isRoot ? displayName : shortPath(file) }
    })
    const node = getAt(isRoot ? result.bundle.parsed : undefined, pointer) as { $ref?: unknown } | undefined
    const ref = typeof node?.$ref === 'string' ? ` "${node.$ref}"` : ''
    if (/resolve \$ref/i.test(problem.message)) {
      const missing = /ENOENT[^']*'([^']+)'/.exec(problem.message)
      const reason = missing ? `cannot read ${shortPath(missing[1]!)} (no such file)` : 'nothing at that location'
      throw new GatehouseError('dangling-ref', `dangling $ref${ref}: ${reason} (used at #${pointer})`, site)
    }
    const syntax = /^Failed to parse: (.*?)(?: in "[^"]*")? \((\d+):(\d+)\)$/s.exec(problem.message)
    if (syntax) {
      const [, message, line, column] = syntax
      throw new GatehouseError('syntax-error', `YAML syntax error: ${message!.split('\n')[0]}`, { file: shortPath(file), line: Number(line), column: Number(column) })
    }
    throw new GatehouseError('invalid-document', problem.message.split('\n')[0]!, site)
  }
  return { document: result.bundle.parsed as Record<string, unknown>, files: [root.file, ...[...result.fileDependencies].filter((f) => f !== root.file)] }
}
