import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Runs `npm run demo` the way a newcomer does (tsx from the repository root). */
function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'scripts/demo.ts'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npm run demo', () => {
  it('walks every scenario of the seed (the 401-versus-403 argument) and exits 0', async () => {
    const { code, stdout, stderr } = await runDemo()
    expect(code, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(0)
    // One line per scenario, each with the status it expected and the status it got.
    const rows = stdout.split('\n').filter((line) => /^\s*\d+\s/.test(line))
    const statuses = rows.map((line) => line.match(/\s(\d{3})\s+(\d{3})\s/)?.slice(1, 3))
    expect(statuses).toEqual([
      ['201', '201'], // Mary (admin) creates an article
      ['403', '403'], // Bob (editor) may not
      ['401', '401'], // Janet without a token
      ['200', '200'], // Janet logs in at /authorize
      ['201', '201'], // and retries
      ['201', '201'], // an expired token is refreshed once, then 201
      ['400', '400'], // a missing required field
      ['401', '401'], // the same bad request without a token: credentials first
      ['404', '404'], // Bob asks for Mary's draft
      ['404', '404'], // a draft that does not exist: the same bytes
      ['400', '400'], // bad credentials at /authorize: invalid_grant, no refresh loop
      ['401', '401'], // a client /authorize does not know: invalid_client, and still no refresh
    ])
    expect(stdout).toContain('requiredScopes=["articles:write"]')
    expect(stdout).toContain('WWW-Authenticate: Bearer realm="example"')
    expect(stdout).toContain('error="invalid_token"')
    expect(stdout).toMatch(/invalidParams=\[.*title/)
    expect(stdout).toContain('"error":"invalid_grant"')
    expect(stdout).toContain('"error":"invalid_client"')
    expect(stdout).toContain('reauthSkipped="credentials-exchange"')
    expect(stdout).toMatch(/all 12 scenarios answered as the rules say/)
  }, 60_000)
})
