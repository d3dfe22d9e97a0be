import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lintSpec } from '../../generator/src/lint/run.js'

const specDir = fileURLToPath(new URL('../../spec/', import.meta.url))
const specs = readdirSync(specDir).filter((name) => /\.(ya?ml|json)$/.test(name)).sort()

// The example specs are what users copy: they must pass their own linter without a single warning.
describe('gatehouse lint over spec/', () => {
  it('finds example specs', () => {
    expect(specs.length).toBeGreaterThan(0)
  })

  it.each(specs)('%s is clean', async (name) => {
    const { findings } = await lintSpec(`${specDir}${name}`)
    expect(findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([])
  })
})
