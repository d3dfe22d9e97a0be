import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { ruleIds } from '../../generator/src/lint/index.js'
import { runLintCli } from '../../generator/src/lint/cli.js'
import { expectedFindings } from './fixtures.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Runs the real bin, as a user would, from the repository root. The fixtures show one rule each:
 * `undeclared-pipeline-status` (which most of them would also trip: no 413/415) is off.
 */
function gatehouse(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['generator/bin/gatehouse.js', 'lint', '--rule-off', 'undeclared-pipeline-status', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

const fixture = (rule: string, kind: 'fail' | 'pass') => `test/fixtures/lint/${rule}/${kind}.yaml`
const markedLine = (file: string) => Number(expectedFindings(`${root}${file}`)[0]!.split('@')[1])

// Sequential, with room to spare: each run starts node + tsx, and the whole suite shares two cores.
describe('gatehouse lint (real bin)', { timeout: 90_000 }, () => {
  it('prints file:line:col  severity  rule  message, a fix line and a summary; exits 1 on an error', async () => {
    const file = fixture('missing-401', 'fail')
    const { code, stdout } = await gatehouse(file)
    expect(code).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(new RegExp(`^${file}:${markedLine(file)}:\\d+  error  missing-401  GET /items/\\{id\\}: .*401`))
    expect(lines[1]).toMatch(/^ {2}fix: .*401/)
    expect(lines[2]).toBe('1 problem (1 error, 0 warnings)')
  })

  it('emits a stable JSON shape with --format json and exits 0 on warnings only', async () => {
    const file = fixture('unused-scope', 'fail')
    const { code, stdout } = await gatehouse(file, '--format', 'json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.version).toBe(1)
    expect(report.summary).toEqual({ errors: 0, warnings: 1 })
    expect(report.specs).toHaveLength(1)
    expect(report.specs[0].spec).toBe(file)
    const [finding] = report.specs[0].findings
    expect(Object.keys(finding).sort()).toEqual(['fix', 'location', 'message', 'operations', 'pointer', 'rule', 'severity'])
    expect(finding).toMatchObject({
      rule: 'unused-scope',
      severity: 'warning',
      pointer: '/components/securitySchemes/oauth2/flows/clientCredentials/scopes/items:write',
      location: { file, line: markedLine(file) },
      operations: [],
    })
  })

  it('switches rules off with --rule-off and --no-problem-json', async () => {
    const off = await gatehouse(fixture('missing-401', 'fail'), '--rule-off', 'missing-401')
    expect(off.code).toBe(0)
    expect(off.stdout.trim()).toBe('no problems found')
    const problem = await gatehouse(fixture('error-response-not-problem-json', 'fail'), '--no-problem-json', '--format=json')
    expect(JSON.parse(problem.stdout).summary).toEqual({ errors: 0, warnings: 0 })
  })

  it('reports an undeclared scheme as findings (exit 1), not as a load failure', async () => {
    const { code, stdout, stderr } = await gatehouse(fixture('undeclared-security-scheme', 'fail'))
    expect(stderr).toBe('')
    expect(code).toBe(1)
    expect(stdout).toContain('undeclared-security-scheme  root security requirement names undeclared scheme "bearer"')
    expect(stdout).toContain('GET /items/{id}: security requirement names undeclared scheme "apiKey"')
  })

  it('exits 2 with one file:line:col line on unreadable or invalid input', async () => {
    const missing = await gatehouse('test/fixtures/lint/no-such-spec.yaml')
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toContain('test/fixtures/lint/no-such-spec.yaml')

    mkdirSync(`${root}test/.tmp/lint`, { recursive: true })
    writeFileSync(`${root}test/.tmp/lint/broken.yaml`, 'openapi: 3.1.0\ninfo: { title: x, version: 1\npaths: {}\n')
    const broken = await gatehouse('test/.tmp/lint/broken.yaml', '--format', 'json')
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^test\/\.tmp\/lint\/broken\.yaml:\d+:\d+: /)
    expect(JSON.parse(broken.stdout).specs[0].error.location.file).toBe('test/.tmp/lint/broken.yaml')
  })
})

// Arguments and config are checked in-process (each bin start costs ~1.5 s), in folders of their own
// so that a gatehouse.config.json of the repository cannot change the outcome.
describe('runLintCli arguments and gatehouse.config.json', () => {
  const dir = (name: string, files: Record<string, string> = {}) => {
    const path = `${root}test/.tmp/lint/${name}`
    rmSync(path, { recursive: true, force: true })
    mkdirSync(path, { recursive: true })
    for (const [file, text] of Object.entries(files)) writeFileSync(`${path}/${file}`, text)
    return path
  }
  const failing401 = readFileSync(`${root}${fixture('missing-401', 'fail')}`, 'utf8')

  async function run(cwd: string, ...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
    let stderr = ''
    let stdout = ''
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
    try {
      return { code: await runLintCli(['--rule-off', 'undeclared-pipeline-status', ...args], { cwd }), stderr, stdout }
    } finally {
      err.mockRestore()
      out.mockRestore()
    }
  }

  it.each([
    [['--rule-off', 'no-such-rule', 'spec.yaml'], /unknown lint rule "no-such-rule"/],
    [['--rule', 'missing-401=fatal', 'spec.yaml'], /--rule takes <id>=off\|warning\|error/],
    [['--format', 'xml', 'spec.yaml'], /--format must be text or json/],
    [[], /missing <spec>/],
    [['--frobnicate', 'spec.yaml'], /frobnicate/],
  ])('exits 2 on %j', async (args, message) => {
    const { code, stderr } = await run(dir('empty'), ...args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).toContain('usage: gatehouse lint')
  })

  it('lists the rules with --help and exits 0', async () => {
    const { code, stdout } = await run(dir('empty'), '--help')
    expect(code).toBe(0)
    for (const id of ruleIds) expect(stdout).toContain(id)
  })

  it('lints the config\'s spec with the config\'s rule settings; the command line wins', async () => {
    const cwd = dir('config', {
      'api.yaml': failing401,
      'gatehouse.config.json': JSON.stringify({ spec: 'api.yaml', lint: { rules: { 'missing-401': 'warning' } } }),
    })
    const configured = await run(cwd)
    expect(configured.code).toBe(0)
    expect(configured.stdout).toMatch(/ {2}warning {2}missing-401 {2}/)
    const overridden = await run(cwd, '--rule', 'missing-401=error')
    expect(overridden.code).toBe(1)
    expect(overridden.stdout).toMatch(/ {2}error {2}missing-401 {2}/)
    expect((await run(cwd, '--rule-off', 'missing-401')).stdout.trim()).toBe('no problems found')
  })

  it('exits 2 on an invalid lint section in the config', async () => {
    const cwd = dir('bad-config', { 'gatehouse.config.json': JSON.stringify({ lint: { rules: ['missing-401'] } }) })
    const { code, stderr } = await run(cwd, 'spec.yaml')
    expect(code).toBe(2)
    expect(stderr).toMatch(/^gatehouse\.config\.json: "lint\.rules" must map rule ids/)
  })
})
