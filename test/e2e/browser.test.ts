// A real browser (Debian chromium, headless, through playwright-core) runs a page
// bundled with the generated client; the page is served from one loopback origin
// and calls the generated server on another, so every response crosses CORS.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Principal } from '@gatehouse/server'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageResults } from './fixtures/browser-page.js'
import { startArticlesApi, type RunningApi } from './support/articles-app.js'
import { chromiumPath, hasChromium, launchBrowser } from './support/browser.js'

if (!hasChromium) {
  console.warn(`browser test skipped: no chromium at ${chromiumPath} (install it with \`apt-get install chromium\`, as .ci/run does)`)
}

const tokens: Record<string, Principal> = { 'bob-token': { subject: 'bob', scopes: ['articles:read'] } }
const verify = (token: string) => tokens[token]

/** Serves the bundled page on its own origin. */
async function servePage(script: string): Promise<{ origin: string; server: Server }> {
  const html = '<!doctype html><meta charset="utf-8"><title>gatehouse in a browser</title><script type="module" src="/page.js"></script>'
  const server = createServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe.skipIf(!hasChromium)('the generated client in a real browser, cross-origin', () => {
  let browser: Browser
  let page: { origin: string; server: Server }
  let api: RunningApi
  let stripped: RunningApi

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/browser-page.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    })
    page = await servePage(bundle.outputFiles[0]!.text)
    api = await startArticlesApi({ oauth2: verify, bearerAuth: verify }, { cors: { origins: [page.origin] } })
    // The control: a proxy that drops Access-Control-Expose-Headers, as a misconfigured gateway would.
    stripped = await startArticlesApi(
      { oauth2: verify, bearerAuth: verify },
      {
        cors: { origins: [page.origin] },
        wrap: (app) => ({
          fetch: async (request) => {
            const response = await app.fetch(request)
            const headers = new Headers(response.headers)
            headers.delete('access-control-expose-headers')
            return new Response(response.body, { status: response.status, headers })
          },
        }),
      },
    )
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await api?.close()
    await stripped?.close()
    await new Promise((resolve) => page?.server.close(resolve))
  })

  async function runInPage(baseUrl: string): Promise<PageResults> {
    const tab = await browser.newPage()
    try {
      await tab.goto(`${page.origin}/`)
      await tab.waitForFunction(() => 'runScenarios' in globalThis)
      return await tab.evaluate(
        ([url, token]) => (globalThis as unknown as { runScenarios(u: string, t: string): Promise<PageResults> }).runScenarios(url, token),
        [baseUrl, 'bob-token'] as const,
      )
    } finally {
      await tab.close()
    }
  }

  it('reads the 401 challenge and the 403 scopes from another origin', async () => {
    const results = await runInPage(api.baseUrl)

    expect(results.unauthorized).toEqual({
      status: 401,
      header: 'Bearer realm="example"',
      challenges: [{ scheme: expect.stringMatching(/^bearer$/i), params: { realm: 'example' } }],
    })
    expect(results.forbidden).toEqual({
      status: 403,
      header: 'Bearer realm="example", error="insufficient_scope", scope="articles:write"',
      requiredScopes: ['articles:write'],
    })
  })

  it('cannot read the challenge when WWW-Authenticate is not exposed (why the CORS option exposes it)', async () => {
    const results = await runInPage(stripped.baseUrl)

    expect(results.unauthorized).toEqual({ status: 401, header: null, challenges: [] })
    // The scopes survive in the problem body, which CORS does not hide.
    expect(results.forbidden).toMatchObject({ status: 403, header: null, requiredScopes: ['articles:write'] })
  })
})
