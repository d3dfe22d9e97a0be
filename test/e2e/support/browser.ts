import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's chromium, which `.ci/run` installs with apt-get when it is missing. */
export const chromiumPath = '/usr/bin/chromium'

/** Whether a real browser is available; the browser test is skipped (loudly) only when it is not. */
export const hasChromium = existsSync(chromiumPath)

/**
 * Launches headless Debian chromium through playwright-core (which downloads
 * no browser of its own). `--no-sandbox` because CI runs as root in a container.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  })
}
