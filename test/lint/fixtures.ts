import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Folder of the lint fixtures: one folder per rule id, each with `fail.yaml` and `pass.yaml`. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/lint/', import.meta.url))

/** Rule ids that have a fixture folder. */
export function fixtureRules(): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/**
 * The findings a fixture expects, as `rule@line`, read from `# expect: rule[, rule]` comments:
 * the expectation is written by hand beside the offending line, never copied from lint output.
 */
export function expectedFindings(file: string): string[] {
  const expected: string[] = []
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const marker = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/.exec(line)
      for (const rule of marker?.[1]?.split(',') ?? []) expected.push(`${rule.trim()}@${index + 1}`)
    })
  return expected.sort()
}
