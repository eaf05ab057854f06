import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

// The demo shop's checkout as a visitor on a desktop and on a phone: its postcode field
// refuses every valid UK postcode; the agent's live view says so in words.
describe('demo checkout: a postcode field that fights back', () => {
  let collector: TestCollector
  let browser: Browser

  beforeAll(async () => {
    collector = await startCollector()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await collector?.close()
  })

  /** Tries three real postcodes, then presses Place order (whose handler throws). */
  async function checkout(visitor: Page, press: (s: string) => Promise<void>) {
    await visitor.goto(`${collector.url}/demo/checkout.html`)
    await visitor.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
    for (const pc of ['SW1A 2AA', 'EC1A 1BB', 'M1 1AE']) {
      await visitor.fill('#postcode', pc)
      await visitor.keyboard.press('Tab')
      await visitor.waitForTimeout(600)
    }
    await press('#place-order')
    return visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
  }

  it('shows the agent "the postcode field rejected the entry 3 times", desktop and phone', async () => {
    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage()
    await agent.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    await agent.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()

    const desk = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage()
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage()
    const sessions = [await checkout(desk, (s) => desk.click(s)), await checkout(phone, (s) => phone.tap(s))]
    for (const session of sessions) {
      const card = agent.locator(`[data-testid="alert"][data-session="${session}"]`)
      // The live queue shows one card per problem, its sessions folded: unfold them until this one
      // shows, and read it in the same step (a later alert may regroup and fold it again).
      await expect
        .poll(
          async () => {
            for (const toggle of await agent.locator('[data-testid="issue-toggle"][aria-expanded="false"]').all())
              await toggle.click().catch(() => {})
            return (await card.count()) > 0
              ? card
                  .first()
                  .innerText({ timeout: 1_000 })
                  .catch(() => '')
              : ''
          },
          { timeout: 20_000 },
        )
        .toMatch(/the postcode field rejected the entry 3 times/)
    }
    await agent.screenshot({ path: new URL('../artifacts/form-struggle-alerts.png', import.meta.url).pathname })
  }, 120_000)
})
