// The README's examples are true: its TypeScript is the compiled files of
// test/e2e/readme/, its YAML excerpt is in spec/articles.yaml, and its lint
// output is what `gatehouse lint` prints today.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The fenced `language` code blocks of the README after the first occurrence of `marker`. */
function blocksAfter(marker: string, language: string): string[] {
  const from = readme.indexOf(marker)
  expect(from, `README mentions ${marker}`).toBeGreaterThanOrEqual(0)
  return [...readme.slice(from).matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!)
}

/** `// readme:name` … `// readme:end` regions of a file, dedented. */
function regions(file: string): [string, string][] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/\/\/ readme:(\w+)\n([\s\S]*?)\n\s*\/\/ readme:end/g)].map(([, name, body]) => {
    const lines = body!.split('\n')
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length))
    return [name!, lines.map((l) => l.slice(indent)).join('\n')]
  })
}

describe('README', () => {
  const dir = join(root, 'test/e2e/readme')
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
  const all = files.flatMap((f) => regions(join(dir, f)).map(([name, body]) => [`${f}#${name}`, body] as const))

  it('has the two commands at the top', () => {
    const top = readme.slice(0, readme.indexOf('\n## '))
    expect(top).toContain('npm install && npm run demo')
    expect(top).toContain('npm test')
  })

  it.each(all)('shows %s exactly as compiled', (_name, body) => {
    expect(readme).toContain(body)
  })

  it('quotes spec/articles.yaml faithfully', () => {
    const spec = readFileSync(join(root, 'spec/articles.yaml'), 'utf8').split('\n').map((l) => l.trimEnd())
    const [excerpt] = blocksAfter('## The spec', 'yaml')
    const lines = excerpt!.split('\n').map((l) => l.replace(/\s+#.*$/, '').trimEnd()).filter(Boolean)
    expect(lines.length).toBeGreaterThan(15)
    for (const line of lines) expect(spec, line).toContain(line)
  })

  it('prints the lint output gatehouse prints', () => {
    const [spec, output] = [blocksAfter('## Linting', 'yaml')[0]!, blocksAfter('## Linting', 'text')[0]!]
    const work = mkdtempSync(join(tmpdir(), 'gatehouse-readme-'))
    try {
      writeFileSync(join(work, 'reports.yaml'), spec)
      const lint = spawnSync(process.execPath, [join(root, 'generator/bin/gatehouse.js'), 'lint', 'reports.yaml'], { cwd: work, encoding: 'utf8' })
      expect(lint.status).toBe(1)
      expect(lint.stdout).toBe(output)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })

  it('documents every x- extension the spec model knows', () => {
    for (const extension of ['x-realm', 'x-hide-forbidden', 'x-expose-scopes', 'x-credentials-exchange']) {
      expect(readme).toMatch(new RegExp('\\| `' + extension + '[:`]'))
    }
  })
})
