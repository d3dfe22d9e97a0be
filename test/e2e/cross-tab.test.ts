// Three tabs of one origin share a rotating refresh token (oidc-provider rotates on
// every use and revokes the family when a used one comes back, RFC 9700 §4.14.2).
// With crossTab, their access tokens expire together and exactly one refresh reaches
// the provider; without it (the control), each tab refreshes and the family is revoked.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { decodeJwt } from 'jose'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TabSetup } from './fixtures/tabs-page.js'
import { startArticlesApi, type RunningApi } from './support/articles-app.js'
import { hasChromium, launchBrowser } from './support/browser.js'
import { accessTokenVerifier, startOAuthServer, type OAuthServer } from './support/oauth-server.js'

const audience = 'urn:example:articles-api'
const scopes = ['articles:read', 'articles:write']

/** Serves the bundled page (and nothing else) on its own loopback origin. */
async function servePage(script: string): Promise<{ origin: string; server: Server }> {
  const html = '<!doctype html><meta charset="utf-8"><title>tab</title><script type="module" src="/page.js"></script>'
  const server = createServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe.skipIf(!hasChromium)('refresh across three tabs against oidc-provider', () => {
  let browser: Browser
  let page: { origin: string; server: Server }
  let as: OAuthServer
  let api: RunningApi

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/tabs-page.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      splitting: false,
      write: false,
      logLevel: 'silent',
    })
    page = await servePage(bundle.outputFiles[0]!.text)
    as = await startOAuthServer({ audience, scopes, accessTokenTtl: 2, spaRedirectUri: `${page.origin}/callback` })
    const verify = accessTokenVerifier(as, audience)
    api = await startArticlesApi({ oauth2: verify, bearerAuth: verify }, { cors: { origins: [page.origin] } })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await api?.close()
    await as?.close()
    await new Promise((resolve) => page?.server.close(resolve))
  })

  /** A refresh grant as the public client, from Node: `grant_type=refresh_token` with only `client_id`. */
  async function refresh(refreshToken: string): Promise<{ status: number; accessToken?: string; refreshToken?: string }> {
    const res = await fetch(as.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: as.spa.clientId }),
    })
    const body = (await res.json()) as { access_token?: string; refresh_token?: string }
    return { status: res.status, accessToken: body.access_token, refreshToken: body.refresh_token }
  }

  /** Three tabs of the page's origin holding the same tokens, whose access token has expired by the time this returns. */
  async function threeExpiredTabs(crossTab: boolean): Promise<{ context: BrowserContext; tabs: Page[] }> {
    // Signed in with a token that expires in 2 s; the refreshed ones outlive the retried calls,
    // however slow the machine.
    as.accessTokenTtl = 2
    const signedIn = await refresh(await as.issueRefreshToken('mary', scopes, as.spa.clientId))
    expect(signedIn.status).toBe(200)
    as.accessTokenTtl = 60
    const context = await browser.newContext()
    const tabs = await Promise.all([1, 2, 3].map(() => context.newPage()))
    const setup: TabSetup = {
      baseUrl: api.baseUrl,
      tokenEndpoint: as.tokenEndpoint,
      clientId: as.spa.clientId,
      accessToken: signedIn.accessToken!,
      refreshToken: signedIn.refreshToken!,
      crossTab,
    }
    for (const tab of tabs) {
      await tab.goto(`${page.origin}/`)
      await tab.waitForFunction(() => 'setup' in globalThis)
      await tab.evaluate((o) => (globalThis as unknown as { setup(o: TabSetup): void }).setup(o), setup)
    }
    const { exp } = decodeJwt(signedIn.accessToken!)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp! * 1000 - Date.now() + 100)))
    return { context, tabs }
  }

  const callAll = (tabs: Page[]) => Promise.all(tabs.map((tab) => tab.evaluate(() => (globalThis as unknown as { call(): Promise<{ status: number }> }).call())))
  const rotatedIn = (tabs: Page[]) => Promise.all(tabs.map((tab) => tab.evaluate(() => (globalThis as unknown as { rotatedRefreshToken(): string | undefined }).rotatedRefreshToken())))
  const refreshesSince = (mark: number) => as.tokenRequests.slice(mark).filter((r) => r.grantType === 'refresh_token')

  it('with crossTab: one refresh reaches the provider, all three calls succeed, the family lives on', async () => {
    const { context, tabs } = await threeExpiredTabs(true)
    const mark = as.tokenRequests.length
    const results = await callAll(tabs)
    const refreshes = refreshesSince(mark)
    console.log(`crossTab: refresh requests at the provider: ${refreshes.length} (${refreshes.map((r) => r.status).join(', ')}); calls: ${results.map((r) => r.status).join(', ')}`)

    expect(results).toEqual([{ status: 200 }, { status: 200 }, { status: 200 }])
    expect(refreshes).toEqual([{ grantType: 'refresh_token', status: 200 }])
    // The one rotated refresh token is still good: nothing was revoked.
    const rotated = (await rotatedIn(tabs)).filter(Boolean)
    expect(rotated).toHaveLength(1)
    expect((await refresh(rotated[0]!)).status).toBe(200)
    await context.close()
  })

  it('control, without crossTab: every tab refreshes with the same token and the provider revokes the family', async () => {
    const { context, tabs } = await threeExpiredTabs(false)
    const mark = as.tokenRequests.length
    const results = await callAll(tabs)
    const refreshes = refreshesSince(mark)
    console.log(`without crossTab: refresh requests at the provider: ${refreshes.length} (${refreshes.map((r) => r.status).join(', ')}); calls: ${results.map((r) => r.status).join(', ')}`)

    expect(refreshes).toHaveLength(3)
    expect(refreshes.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status === 401)).toEqual([
      { status: 401, reauthenticated: false, reauthSkipped: 'refresh-failed' },
      { status: 401, reauthenticated: false, reauthSkipped: 'refresh-failed' },
    ])
    // The winner's rotated refresh token died with the family.
    const rotated = (await rotatedIn(tabs)).filter(Boolean)
    expect(rotated).toHaveLength(1)
    expect((await refresh(rotated[0]!)).status).toBe(400)
    await context.close()
  })
})
