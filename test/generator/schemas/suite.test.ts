import { isDeepStrictEqual } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { check, type Issue } from '../../../packages/server/src/issues.js'
import type { ZodType } from 'zod'
import { KNOWN_FAILURES } from './suite-known-failures.js'
import { type Components, type Draft, generateGroups, loadSuite, type SuiteGroup } from './suite.js'

// The official JSON Schema Test Suite (vendored in test/fixtures/json-schema-test-suite/) as a table
// test: every in-scope group becomes a component of an OpenAPI document, goes through the real
// generator, and every instance must get the suite's verdict from the generated zod schema. The only
// tolerated disagreements are listed, with their reason, in suite-known-failures.ts; a listed one
// that starts passing fails the test too, so the list stays exact. `SUITE_REPORT=1` prints the
// per-file table.

interface Outcome {
  file: string
  id: string
  valid: boolean
  passed: boolean
}

const THRESHOLD = 0.97

for (const draft of ['draft2020-12', 'draft4'] as const) {
  describe(`JSON Schema Test Suite, ${draft}`, () => {
    const groups = loadSuite(draft)
    const outcomes: Outcome[] = []
    const errors: string[] = []
    const serverDisagrees: string[] = []

    beforeAll(async () => {
      const files = [...new Set(groups.map((g) => g.file))]
      for (const file of files) {
        const inScope = groups.filter((g) => g.file === file && g.excluded === undefined)
        if (inScope.length === 0) continue
        let components: Components
        try {
          components = await generateGroups(draft, file, inScope)
        } catch (error) {
          errors.push(`${file}: ${(error as Error).message}`)
          continue
        }
        inScope.forEach((group, i) => {
          serve(file, group, components[`G${i}`]!, serverDisagrees)
          run(draft, file, group, components[`G${i}`]!, outcomes)
        })
      }
      if (process.env.SUITE_REPORT) report(draft, outcomes)
    }, 240_000)

    it('generates every in-scope group', () => {
      expect(errors).toEqual([])
    })

    it('agrees with the suite except for the documented failures', () => {
      const failing = outcomes.filter((o) => !o.passed).map((o) => o.id)
      const known = KNOWN_FAILURES[draft].map(([id]) => id)
      expect({ unexpected: failing.filter((id) => !known.includes(id)), nowPassing: known.filter((id) => !failing.includes(id)) }).toEqual({
        unexpected: [],
        nowPassing: [],
      })
    })

    it(`passes at least ${THRESHOLD * 100}% of the in-scope instances`, () => {
      const passed = outcomes.filter((o) => o.passed).length
      expect(outcomes.length).toBeGreaterThan(draft === 'draft4' ? 500 : 1000)
      expect(passed / outcomes.length).toBeGreaterThanOrEqual(THRESHOLD)
    })

    // The server validates through zod's compiled fast path where it can (packages/server/src/issues.ts).
    it("gets the server's verdict and value from zod's runtime parse on every instance", () => {
      expect(outcomes.length).toBeGreaterThan(500)
      expect(serverDisagrees).toEqual([])
    })

    it('rejects no valid instance outside the documented list', () => {
      const known = new Set(KNOWN_FAILURES[draft].filter(([, , kind]) => kind === 'rejects-valid').map(([id]) => id))
      expect(outcomes.filter((o) => o.valid && !o.passed && !known.has(o.id)).map((o) => o.id)).toEqual([])
    })
  })
}

function run(draft: Draft, file: string, group: SuiteGroup, schema: { safeParse(value: unknown): { success: boolean } }, outcomes: Outcome[]): void {
  for (const test of group.tests) {
    let success: boolean
    try {
      success = schema.safeParse(test.data).success
    } catch {
      success = !test.valid // a throw is never agreement
    }
    outcomes.push({ file, id: `${file} › ${group.description} › ${test.description}`, valid: test.valid, passed: success === test.valid })
  }
  void draft
}

/** Runs each instance through the server's `check` first (as a server would), then zod's runtime parse; records any difference. */
function serve(file: string, group: SuiteGroup, schema: ZodType, disagreements: string[]): void {
  for (const test of group.tests) {
    const issues: Issue[] = []
    const served = attempt(() => check(schema, test.data, 'body', issues))
    const runtime = attempt(() => schema.safeParse(test.data))
    const agree =
      'threw' in served || 'threw' in runtime
        ? 'threw' in served && 'threw' in runtime
        : (issues.length === 0) === runtime.value.success && (!runtime.value.success || isDeepStrictEqual(served.value, runtime.value.data))
    if (!agree) disagreements.push(`${file} › ${group.description} › ${test.description}`)
  }
}

function attempt<T>(parse: () => T): { value: T } | { threw: unknown } {
  try {
    return { value: parse() }
  } catch (error) {
    return { threw: error }
  }
}

function report(draft: Draft, outcomes: Outcome[]): void {
  const files = new Map<string, [number, number]>()
  for (const o of outcomes) {
    const entry = files.get(o.file) ?? [0, 0]
    entry[0] += o.passed ? 1 : 0
    entry[1] += 1
    files.set(o.file, entry)
  }
  const lines = [...files].map(([file, [passed, total]]) => `| ${file} | ${passed}/${total} |`)
  const passed = outcomes.filter((o) => o.passed).length
  const failures = outcomes.filter((o) => !o.passed).map((o) => `  ${o.valid ? 'rejects-valid ' : 'accepts-invalid'} ${o.id}`)
  console.log(
    [`## ${draft}: ${passed}/${outcomes.length} (${((100 * passed) / outcomes.length).toFixed(1)}%)`, '| file | passing |', '|---|---|', ...lines, ...failures].join('\n'),
  )
}
