import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))

describe('workspace layout', () => {
  const root = read('package.json')
  it.each([
    ['packages/http-auth', '@gatehouse/http-auth'],
    ['packages/client', '@gatehouse/client'],
    ['packages/server', '@gatehouse/server'],
    ['generator', '@gatehouse/cli'],
  ])('%s is the workspace package %s with ESM exports, types first', (dir, name) => {
    expect(root.workspaces).toContain(dir)
    const pkg = read(`${dir}/package.json`)
    expect(pkg.name).toBe(name)
    expect(pkg.type).toBe('module')
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types')
    expect(pkg.exports['.'].types).toMatch(/^\.\/dist\/.*\.d\.ts$/)
  })

  it('pins every dependency to an exact version', () => {
    for (const dir of ['.', 'packages/http-auth', 'packages/client', 'packages/server', 'generator']) {
      const pkg = read(`${dir}/package.json`)
      for (const [dep, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        // An alias (`"typescript7": "npm:typescript@7.0.2"`) is pinned the same way.
        expect(version, `${dir}: ${dep}`).toMatch(/^(npm:(@[\w.-]+\/)?[\w.-]+@)?\d+\.\d+\.\d+$/)
      }
    }
  })

  it.each(['packages/http-auth', 'packages/client', 'packages/server', 'generator'])('%s is publishable: files, engines, license, repository, sideEffects', (dir) => {
    const pkg = read(`${dir}/package.json`)
    expect(pkg.private).toBeUndefined()
    expect(pkg.files).toEqual(['dist'])
    expect(pkg.engines.node).toMatch(/^>=\d+/)
    expect(pkg.license).toBe('MIT')
    expect(pkg.repository.directory).toBe(dir)
    expect(pkg.sideEffects).toBe(false)
  })

  it.each(['packages/http-auth', 'packages/client', 'packages/server', 'generator'])('%s depends on exactly the packages its sources import', (dir) => {
    const pkg = read(`${dir}/package.json`)
    const src = new URL(`../../${dir}/src/`, import.meta.url)
    const imported = new Set<string>()
    for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(new URL(file, src), 'utf8')
      // Statements only (a multi-line one ends in `} from '…'`): the emitters' strings of
      // generated imports start with `w.writeLine(`.
      for (const m of text.matchAll(/^\s*(?:(?:import|export)\b[^'"\n;]*?|\}\s*)from\s+'([^'.][^']*)'|^\s*import\s+'([^'.][^']*)'|\bimport\('([^'.][^']*)'\)/gm)) {
        const spec = m[1] ?? m[2] ?? m[3]
        if (spec === undefined || spec.startsWith('node:')) continue
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
      }
    }
    expect([...imported].sort()).toEqual(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).sort())
  })

  it('installs the CLI as compiled JavaScript with neither tsx nor ts-morph', () => {
    const pkg = read('generator/package.json')
    expect(pkg.bin).toEqual({ gatehouse: './dist/cli/main.js' })
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx')
    expect(Object.keys(pkg.dependencies)).not.toContain('ts-morph')
  })

  it('keeps @gatehouse/http-auth free of runtime dependencies', () => {
    const pkg = read('packages/http-auth/package.json')
    expect(pkg.dependencies ?? {}).toEqual({})
  })
})
