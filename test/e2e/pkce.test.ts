// Sign-in for single-page apps against oidc-provider, in Debian chromium: the page
// builds the authorization URL (state, PKCE S256), the test fills in the provider's
// own login and consent pages, and the callback page exchanges the code and calls the API.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PkcePageConfig, SignInResult } from './fixtures/pkce-page.js'
import { startArticlesApi, type RunningApi } from './support/articles-app.js'
import { hasChromium, launchBrowser } from './support/browser.js'
import { accessTokenVerifier, startOAuthServer, type OAuthServer } from './support/oauth-server.js'

const audience = 'urn:example:articles-api'
const scopes = ['articles:read', 'articles:write']

describe.skipIf(!hasChromium)('authorizationCodeWithPkce in chromium against oidc-provider', () => {
  let browser: Browser
  let page: { origin: string; server: Server }
  let as: OAuthServer
  let api: RunningApi
  let config: PkcePageConfig | undefined

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/pkce-page.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    })
    const script = bundle.outputFiles[0]!.text
    const server = createServer((req, res) => {
      if (req.url === '/page.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
      const html = `<!doctype html><meta charset="utf-8"><title>spa</title><script>globalThis.pageConfig = ${JSON.stringify(config)}</script><script type="module" src="/page.js"></script>`
      res.writeHead(200, { 'content-type': 'text/html' }).end(html)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    page = { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
    as = await startOAuthServer({ audience, scopes, spaRedirectUri: `${page.origin}/callback` })
    const verify = accessTokenVerifier(as, audience)
    api = await startArticlesApi({ oauth2: verify, bearerAuth: verify }, { cors: { origins: [page.origin] } })
    config = { issuer: as.issuer, clientId: as.spa.clientId, baseUrl: api.baseUrl }
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await api?.close()
    await as?.close()
    await new Promise((resolve) => page?.server.close(resolve))
  })

  it("signs in through the provider's login and consent pages, calls the API, refreshes", async () => {
    const context = await browser.newContext()
    const tab = await context.newPage()
    await tab.goto(`${page.origin}/`)
    await tab.waitForFunction(() => 'start' in globalThis)
    await tab.evaluate(() => void (globalThis as unknown as { start(): Promise<void> }).start())

    // oidc-provider's login page: the authorization request it received carried PKCE S256.
    await tab.waitForURL(`${as.issuer}/interaction/**`)
    await tab.fill('input[name="login"]', 'mary')
    await tab.fill('input[name="password"]', 'any')
    await tab.click('button[type="submit"]')
    // Its consent page.
    await tab.waitForURL(`${as.issuer}/interaction/**`)
    await tab.click('button[type="submit"]')

    await tab.waitForURL(`${page.origin}/callback?**`)
    const callback = new URL(tab.url())
    expect(callback.searchParams.get('code')).toBeTruthy()
    expect(callback.searchParams.get('iss')).toBe(as.issuer)
    await tab.waitForFunction(() => 'signInResult' in globalThis)
    const result = await tab.evaluate(() => (globalThis as unknown as { signInResult: Promise<SignInResult> }).signInResult)

    expect(result).toEqual({ first: 200, second: 200, refreshed: true, replay: expect.stringMatching(/no sign-in in progress/) })
    expect(as.tokenRequests.map((r) => `${r.grantType} ${r.status}`)).toEqual(['authorization_code 200', 'refresh_token 200'])
    await context.close()
  })
})
