import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))

describe('workspace layout', () => {
  const root = read('package.json')
  it.each([
    ['packages/http-auth', '@gatehouse/http-auth'],
    ['packages/client', '@gatehouse/client'],
    ['packages/server', '@gatehouse/server'],
    ['generator', 'gatehouse'],
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

  it('keeps @gatehouse/http-auth free of runtime dependencies', () => {
    const pkg = read('packages/http-auth/package.json')
    expect(pkg.dependencies ?? {}).toEqual({})
  })
})
