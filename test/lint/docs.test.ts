import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rules } from '../../generator/src/lint/index.js'

const doc = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8')

// The rule table is what users read before switching a rule off: it must not drift from the code.
describe('docs/lint.md', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('documents %s with its severity, rationale and fix', (_id, rule) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`))
    expect(row).toBeDefined()
    expect(row).toContain(`| ${rule.severity} |`)
    expect(row).toContain(rule.rationale.replace(/\|/g, '\\|'))
    expect(row).toContain(rule.fix.replace(/\|/g, '\\|'))
  })
})
