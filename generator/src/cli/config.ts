import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { GatehouseError } from '../errors.js'
import { TARGETS, type GenerateOptions, type Target } from '../options.js'

/** File name of the optional project config: `{ "spec": "…", "out": "…", "target": "client" }`, paths relative to it. */
export const CONFIG_FILE = 'gatehouse.config.json'

/** Reads `gatehouse.config.json` from `cwd` if present; command-line options win over it. */
export async function readConfig(cwd: string): Promise<Partial<GenerateOptions>> {
  const file = resolve(cwd, CONFIG_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return {}
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new GatehouseError('invalid-options', `invalid JSON: ${(error as Error).message}`, { file: CONFIG_FILE })
  }
  if (raw === null || typeof raw !== 'object') throw new GatehouseError('invalid-options', 'the config must be an object', { file: CONFIG_FILE })
  const config: Partial<GenerateOptions> = {}
  const { spec, out, target } = raw as Record<string, unknown>
  if (typeof spec === 'string') config.spec = resolve(dirname(file), spec)
  if (typeof out === 'string') config.out = resolve(dirname(file), out)
  if (target !== undefined) {
    if (!TARGETS.includes(target as Target)) throw new GatehouseError('invalid-options', `"target" must be one of ${TARGETS.join(', ')}, not ${JSON.stringify(target)}`, { file: CONFIG_FILE })
    config.target = target as Target
  }
  return config
}
