import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'generator/bin/gatehouse.js')
let dir: string

/** Runs the real bin, from the repository root, as a user would. */
function gatehouse(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Every spawn loads the CLI from source through tsx: seconds each when the machine is busy.
describe('gatehouse CLI', { timeout: 240_000 }, () => {
  it('--help and --version', async () => {
    const help = await gatehouse('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('gatehouse generate <spec> --out <dir>')
    const version = await gatehouse('--version')
    const pkg = JSON.parse(await readFile(join(root, 'generator/package.json'), 'utf8')) as { version: string }
    expect([version.code, version.stdout.trim()]).toEqual([0, pkg.version])
  })

  it('generates, prints one summary line, then --check passes, and fails naming an edited file', async () => {
    const out = join(dir, 'articles')
    const run = await gatehouse('generate', 'spec/articles.yaml', '--out', out)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(run.stdout).toMatch(/5 operations, 6 schemas, 7 files written .* in \d+ ms/)
    expect((await readdir(out)).sort()).toEqual(['client.ts', 'index.ts', 'query.ts', 'schemas.ts', 'security.ts', 'server.ts', 'types.ts'])

    expect((await gatehouse('generate', 'spec/articles.yaml', '--out', out, '--check')).code).toBe(0)
    await writeFile(join(out, 'client.ts'), '// stale\n')
    const check = await gatehouse('generate', 'spec/articles.yaml', '--out', out, '--check')
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(/stale: .*client\.ts/)
    expect(check.stderr).not.toMatch(/server\.ts/)
    expect(await readFile(join(out, 'client.ts'), 'utf8')).toBe('// stale\n')
  })

  it.each([
    ['errors/yaml-syntax.yaml', /^test\/fixtures\/generator\/errors\/yaml-syntax\.yaml:8:1: YAML syntax error: /],
    ['errors/undeclared-scheme.yaml', /^test\/fixtures\/generator\/errors\/undeclared-scheme\.yaml:9:19: .*"apiKey"/],
    ['errors/swagger2.yaml', /^test\/fixtures\/generator\/errors\/swagger2\.yaml:1:10: Swagger 2\.0 .*swagger2openapi/],
    ['errors/path-template-mismatch.yaml', /^test\/fixtures\/generator\/errors\/path-template-mismatch\.yaml:5:5: GET \/teams\/\{team\}: the template expression \{team\}/],
    ['errors/unknown-type.yaml', /^test\/fixtures\/generator\/errors\/unknown-type\.yaml:27:28: unknown schema type "integr"/],
    ['errors/nothing-here.yaml', /^test\/fixtures\/generator\/errors\/nothing-here\.yaml: cannot read the document: no such file$/],
  ])('%s: exit 2, one line, no stack, nothing written', async (fixture, line) => {
    const out = join(dir, 'never')
    const run = await gatehouse('generate', `test/fixtures/generator/${fixture}`, '--out', out)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr.trimEnd()).toMatch(line)
    await expect(stat(out)).rejects.toThrow()
  })

  it('--debug adds the stack trace', async () => {
    const run = await gatehouse('generate', 'test/fixtures/generator/errors/swagger2.yaml', '--out', join(dir, 'never'), '--debug')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/\n\s+at /)
  })

  it('prints an undeclared oauth2 scope as a located warning and still succeeds', async () => {
    const run = await gatehouse('generate', 'test/fixtures/generator/undeclared-scope.yaml', '--out', join(dir, 'scope'))
    expect(run.code).toBe(0)
    expect(run.stderr.trim()).toMatch(/^test\/fixtures\/generator\/undeclared-scope\.yaml:8:\d+: warning: scope "admin" .*\[undeclared-scope\]$/)
  })

  it('rejects unknown options and missing arguments with exit 2', async () => {
    expect((await gatehouse('generate', 'spec/articles.yaml', '--nope')).code).toBe(2)
    const missing = await gatehouse('generate', 'spec/articles.yaml')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--out')
  })
})

describe('gatehouse generate --target', { timeout: 240_000 }, () => {
  const reexports = async (out: string) => [...(await readFile(join(out, 'index.ts'), 'utf8')).matchAll(/from '(.*)'/g)].map((m) => m[1])

  it('client writes no file that imports zod, @gatehouse/server or schemas.ts, and index.ts re-exports only what it wrote', async () => {
    const out = join(dir, 'client-only')
    const run = await gatehouse('generate', 'spec/articles.yaml', '--out', out, '--target', 'client')
    expect(run.code).toBe(0)
    const files = (await readdir(out)).sort()
    expect(files).toEqual(expect.arrayContaining(['client.ts', 'index.ts', 'security.ts', 'types.ts']))
    expect(files).not.toContain('schemas.ts')
    expect(files).not.toContain('server.ts')
    expect((await reexports(out)).sort()).toEqual(files.filter((f) => f !== 'index.ts').map((f) => `./${f.replace(/\.ts$/, '.js')}`).sort())
    for (const file of files) {
      const text = await readFile(join(out, file), 'utf8')
      expect(text, file).not.toMatch(/from 'zod'|@gatehouse\/server|schemas\.js'/)
      expect(text, file).not.toMatch(/import\(/)
    }
  })

  it('server writes types, schemas, security, server and an index.ts of those', async () => {
    const out = join(dir, 'server-only')
    const run = await gatehouse('generate', 'spec/articles.yaml', '-o', out, '-t', 'server')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/5 files written/)
    expect((await readdir(out)).sort()).toEqual(['index.ts', 'schemas.ts', 'security.ts', 'server.ts', 'types.ts'])
    expect(await reexports(out)).toEqual(['./types.js', './schemas.js', './security.js', './server.js'])
  })

  it('an unknown --target: exit 2, one line naming the accepted values, nothing written', async () => {
    const out = join(dir, 'never-target')
    const run = await gatehouse('generate', 'spec/articles.yaml', '--out', out, '--target', 'browser')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/"browser".*all, client, server/)
    await expect(stat(out)).rejects.toThrow()
    const watching = await gatehouse('generate', 'spec/articles.yaml', '--out', out, '--target', 'browser', '--watch')
    expect(watching.code).toBe(2)
  })

  it('--watch regenerates only the target', async () => {
    const project = join(dir, 'watched')
    await mkdir(project, { recursive: true })
    const spec = join(project, 'api.yaml')
    await copyFile(join(root, 'spec/articles.yaml'), spec)
    const out = join(project, 'out')
    const child = spawn(process.execPath, [bin, 'generate', spec, '--out', out, '--target', 'client', '--watch'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      let stdout = ''
      const summaries = (n: number) =>
        new Promise<void>((resolve) => {
          const onData = (d: Buffer) => {
            stdout += d
            if (stdout.split('files written').length > n) child.stdout.off('data', onData), resolve()
          }
          child.stdout.on('data', onData)
        })
      await summaries(1)
      await writeFile(spec, (await readFile(spec, 'utf8')).replace('title: Articles API', 'title: Articles API 2'))
      await summaries(2)
      expect(await readFile(join(out, 'client.ts'), 'utf8')).toContain('Articles API 2')
      expect((await readdir(out)).sort()).not.toContain('schemas.ts')
    } finally {
      child.kill()
    }
  })
})
