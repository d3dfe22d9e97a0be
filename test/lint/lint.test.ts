import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint, LintOptionsError, lintSpec, resolveLintOptions, ruleIds, type LintOptions } from '../../generator/src/lint/index.js'
import { loadModel } from '../../generator/src/model/index.js'
import { expectedFindings, fixturesDir } from './fixtures.js'

const shared = join(fixturesDir, 'shared-401.yaml')

describe('lint()', () => {
  it('reports a shared component once, at the component, naming every operation that uses it', async () => {
    const findings = lint(await loadModel(shared), { problemJson: false })
    expect(findings).toHaveLength(1)
    const [finding] = findings
    expect(finding!.rule).toBe('401-without-challenge')
    expect(finding!.pointer).toBe('/components/responses/Unauthorized')
    expect(`${finding!.rule}@${finding!.location!.line}`).toBe(expectedFindings(shared)[0])
    expect(finding!.operations).toEqual(['GET /a', 'GET /b', 'DELETE /b'])
    expect(finding!.message).toBe('GET /a, GET /b, DELETE /b: the 401 response declares no WWW-Authenticate header')
    expect(finding!.fix).toMatch(/WWW-Authenticate/)
  })

  it('applies per-rule settings and the problem-json switch without touching the options object', async () => {
    const model = await loadModel(shared)
    const options: LintOptions = Object.freeze({ rules: Object.freeze({ '401-without-challenge': 'warning' as const }) })
    const findings = lint(model, options)
    expect(findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual([
      'error-response-not-problem-json:warning',
      '401-without-challenge:warning',
    ])
    expect(lint(model, { rules: { '401-without-challenge': 'off', 'error-response-not-problem-json': 'off' } })).toEqual([])
    expect(lint(model, { problemJson: false }).map((finding) => finding.rule)).toEqual(['401-without-challenge'])
  })

  it('sorts findings by source position', async () => {
    const findings = lint(await loadModel(shared))
    const lines = findings.map((finding) => finding.location!.line)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })

  it('rejects unknown rule ids and settings instead of silently linting everything', () => {
    expect(() => resolveLintOptions({ rules: { 'missing-410': 'off' } }, ruleIds)).toThrow(LintOptionsError)
    expect(() => resolveLintOptions({ rules: { 'missing-401': 'fatal' as never } }, ruleIds)).toThrow(/setting/)
  })

  it('has one place for defaults: everything on, problem+json checked', () => {
    const defaults = resolveLintOptions()
    expect(defaults.problemJson).toBe(true)
    expect([...defaults.rules]).toEqual([])
    expect(resolveLintOptions({ problemJson: false }).rules.get('error-response-not-problem-json')).toBe('off')
  })

  it('gives every rule a stable kebab-case id, a rationale citing its source and a fix', async () => {
    const { rules } = await import('../../generator/src/lint/index.js')
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(rule.rationale).toMatch(/RFC \d+|OpenAPI|seed/)
      expect(rule.rationale).not.toContain('\n')
      expect(rule.fix.length).toBeGreaterThan(10)
    }
    expect(new Set(ruleIds).size).toBe(ruleIds.length)
  })
})

describe('lintSpec() on a spec the model builder refuses', () => {
  it('reports every undeclared scheme and still runs the other rules', async () => {
    const file = join(fixturesDir, 'undeclared-and-more.yaml')
    const { findings } = await lintSpec(file)
    expect(findings.map((finding) => `${finding.rule}@${finding.location?.line}`).sort()).toEqual(expectedFindings(file))
    expect(findings.find((finding) => finding.rule === 'undeclared-security-scheme')!.operations).toEqual(['GET /items'])
  })

  it('keeps the load error when the rule is switched off (generate would refuse the spec anyway)', async () => {
    await expect(lintSpec(join(fixturesDir, 'undeclared-and-more.yaml'), { rules: { 'undeclared-security-scheme': 'off' } })).rejects.toMatchObject({
      code: 'undeclared-scheme',
    })
  })
})
