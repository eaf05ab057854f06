import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium, or the one named by `WINCE_CHROMIUM`. Playwright cannot download its own here. */
export const CHROMIUM_PATH = process.env.WINCE_CHROMIUM ?? '/usr/bin/chromium'

/** Launches headless Chromium with the flags a closed, root-run machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}
