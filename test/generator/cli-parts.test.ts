import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseGenerateArgs } from '../../generator/src/cli/args.js'
import { CONFIG_FILE, readConfig } from '../../generator/src/cli/config.js'
import { watchFiles } from '../../generator/src/cli/watch.js'
import { DEFAULT_OPTIONS, resolveOptions } from '../../generator/src/options.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-cli-parts-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('options', () => {
  it('parses generate arguments, leaving absent ones out so a config file can supply them', () => {
    expect(parseGenerateArgs(['api.yaml', '-o', 'gen', '--check'])).toEqual({ spec: 'api.yaml', out: 'gen', check: true })
    expect(parseGenerateArgs(['--watch'])).toEqual({ watch: true })
    expect(() => parseGenerateArgs(['a.yaml', 'b.yaml'])).toThrow(/unexpected argument "b.yaml"/)
  })

  it('resolveOptions applies the defaults without mutating its input', () => {
    const input = Object.freeze({ spec: 'spec/articles.yaml', out: 'out' })
    const resolved = resolveOptions(input)
    expect(resolved).toMatchObject({ ...DEFAULT_OPTIONS, specName: 'articles.yaml' })
    expect(resolved.spec.endsWith('/spec/articles.yaml')).toBe(true)
  })

  it('reads gatehouse.config.json, resolving its paths against its directory', async () => {
    expect(await readConfig(dir)).toEqual({})
    await writeFile(join(dir, CONFIG_FILE), JSON.stringify({ spec: 'api/openapi.yaml', out: 'src/generated' }))
    expect(await readConfig(dir)).toEqual({ spec: join(dir, 'api/openapi.yaml'), out: join(dir, 'src/generated') })
    await writeFile(join(dir, CONFIG_FILE), JSON.stringify({ spec: 'api.yaml', out: 'src/api', target: 'client' }))
    expect(await readConfig(dir)).toMatchObject({ target: 'client' })
    expect(parseGenerateArgs(['-t', 'server'])).toEqual({ target: 'server' })
    await writeFile(join(dir, CONFIG_FILE), JSON.stringify({ target: 'web' }))
    await expect(readConfig(dir)).rejects.toThrow('"target" must be one of all, client, server, not "web"')
    await writeFile(join(dir, CONFIG_FILE), '{ nope')
    await expect(readConfig(dir)).rejects.toMatchObject({ code: 'invalid-options' })
  })
})

describe('watchFiles', () => {
  it('runs once per burst of changes (debounced) and keeps watching afterwards', async () => {
    const file = join(dir, 'spec.yaml')
    await writeFile(file, 'a: 1\n')
    let runs = 0
    let notify: () => void = () => {}
    const watcher = watchFiles(
      () => [file],
      async () => {
        runs++
        notify()
      },
      50,
    )
    try {
      const first = new Promise<void>((resolve) => (notify = resolve))
      await writeFile(file, 'a: 2\n')
      await writeFile(file, 'a: 3\n')
      await first
      await new Promise((r) => setTimeout(r, 200))
      expect(runs).toBe(1)
      const second = new Promise<void>((resolve) => (notify = resolve))
      await writeFile(file, 'a: 4\n')
      await second
      expect(runs).toBe(2)
    } finally {
      watcher.close()
    }
  })
})
