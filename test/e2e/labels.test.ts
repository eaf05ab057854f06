import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startLiveSite } from '../lib/startLiveSite.ts'
import type { TestSite } from '../lib/startSite.ts'

type Signal = { type: string; label: string; selector: string }

// Readable elements, end to end: whether a signal's label carries the element's text is
// the site's one setting (`allowText`, delivered through /v1/site) — the script tag has
// no switch of its own. With it on, the rage click on "Pay €129" says so, price and all;
// with it off, the label is the role alone.
describe('signal labels follow the site setting', () => {
  let collector: TestCollector
  let site: TestSite
  let browser: Browser

  beforeAll(async () => {
    collector = await startCollector()
    site = await startLiveSite(collector.url)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await collector?.close()
  })

  const configure = async (allowText: boolean) => {
    const res = await fetch(`${collector.url}/api/settings/sites/demo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
        allowHeadless: true,
        allowText,
      }),
    })
    expect(res.status).toBe(200)
  }

  /** A new visitor rage-clicks the dead Pay button once the page has its settings; returns the session's signals. */
  const rageOnPay = async (): Promise<Signal[]> => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${site.url}/pay.html`)
    expect(await page.locator('script[src$="/s.js"]').getAttribute('data-text')).toBeNull()
    // The page view's settings came: from then on the labels follow them.
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => /\/v1\/site\?/.test(r.name)),
      null,
      { timeout: 20_000 },
    )
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
    for (let i = 0; i < 5; i++) await page.click('#pay', { delay: 20 })
    const { signals } = await poll(
      () => collector.api<{ signals: Signal[] }>(`/api/signals?site=demo&session=${session}`),
      (r) => r.signals.some((s) => s.type === 'rage_click'),
      20_000,
      250,
    )
    await context.close()
    return signals
  }

  it("carries the button's text, price included, when the site allows text", async () => {
    await configure(true)
    const rage = (await rageOnPay()).find((s) => s.type === 'rage_click')!
    console.log(`allowText on: ${JSON.stringify({ label: rage.label, selector: rage.selector })}`)
    expect(rage.label).toBe('button Pay €129')
    expect(rage.selector).toBe('button#pay')
  })

  it('is the role alone when it does not', async () => {
    await configure(false)
    const signals = await rageOnPay()
    const rage = signals.find((s) => s.type === 'rage_click')!
    console.log(`allowText off: ${JSON.stringify({ label: rage.label, selector: rage.selector })}`)
    expect(rage.label).toBe('button')
    expect(signals.map((s) => s.label).join(' ')).not.toMatch(/Pay|129/)
  })
})
