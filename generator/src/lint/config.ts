import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { CONFIG_FILE } from '../cli/config.js'
import { GatehouseError } from '../errors.js'
import type { LintOptions, RuleSetting } from './options.js'
import { isObj as isObject } from '../model/context.js'

/** What `gatehouse lint` takes from the project config: the default spec and a `lint` section. */
export interface LintConfig {
  /** The config's `spec`, resolved against the config's folder. */
  spec?: string
  options: LintOptions
}

/**
 * Reads the `lint` section of `gatehouse.config.json` in `cwd`, if any:
 * `{ "spec": "…", "lint": { "rules": { "unused-scope": "off" }, "problemJson": false } }`.
 * Rule ids are validated later, by `resolveLintOptions`, with the command-line ones.
 */
export async function readLintConfig(cwd: string): Promise<LintConfig> {
  const file = resolve(cwd, CONFIG_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return { options: {} }
  }
  const invalid = (message: string) => new GatehouseError('invalid-options', message, { file: CONFIG_FILE })
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw invalid(`invalid JSON: ${(error as Error).message}`)
  }
  if (!isObject(raw)) throw invalid('the config must be an object')
  const config: LintConfig = { options: {} }
  if (typeof raw.spec === 'string') config.spec = resolve(dirname(file), raw.spec)
  const lint = raw.lint
  if (lint === undefined) return config
  if (!isObject(lint)) throw invalid('"lint" must be an object: { "rules": { "<rule-id>": "off" | "warning" | "error" }, "problemJson": boolean }')
  if (lint.rules !== undefined) {
    if (!isObject(lint.rules)) throw invalid('"lint.rules" must map rule ids to "off", "warning" or "error"')
    config.options.rules = lint.rules as Record<string, RuleSetting>
  }
  if (lint.problemJson !== undefined) {
    if (typeof lint.problemJson !== 'boolean') throw invalid('"lint.problemJson" must be true or false')
    config.options.problemJson = lint.problemJson
  }
  return config
}
