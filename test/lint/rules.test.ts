import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ruleIds } from '../../generator/src/lint/index.js'
import { lintSpec } from '../../generator/src/lint/run.js'
import { expectedFindings, fixtureRules, fixturesDir } from './fixtures.js'

// Each fixture is linted with its own rule only: a fixture shows one rule's cases, and spec-hygiene
// rules added later (a `/items/{id}` without its parameter, undeclared pipeline statuses) must not
// require rewriting every other rule's fixture.
const found = async (file: string, rule: string) =>
  (await lintSpec(file, { rules: Object.fromEntries(ruleIds.filter((id) => id !== rule).map((id) => [id, 'off' as const])) })).findings
    .map((finding) => `${finding.rule}@${finding.location?.line ?? 'unlocated'}`)
    .sort()

describe('lint rules against their fixtures', () => {
  it('has a failing and a passing fixture for every rule', () => {
    expect(fixtureRules()).toEqual([...ruleIds].sort())
  })

  describe.each(fixtureRules())('%s', (rule) => {
    it('reports exactly the marked lines of fail.yaml', async () => {
      const file = join(fixturesDir, rule, 'fail.yaml')
      const expected = expectedFindings(file)
      expect(expected.length).toBeGreaterThan(0)
      expect(expected.every((entry) => entry.startsWith(`${rule}@`))).toBe(true)
      expect(await found(file, rule)).toEqual(expected)
    })

    it('reports nothing on pass.yaml', async () => {
      const file = join(fixturesDir, rule, 'pass.yaml')
      expect(expectedFindings(file)).toEqual([])
      expect(await found(file, rule)).toEqual([])
    })
  })
})
