import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

// The whole live loop in the demo shop, a visitor and an agent in two pages:
// struggle → alert with its reasons → the agent claims it and offers help →
// the visitor sees the offer and accepts → the agent sees the acceptance.
describe('live struggle loop: visitor and agent', () => {
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

  it('gets a struggling visitor help from an agent', async () => {
    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage()
    await agent.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    await agent.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()

    const visitor = await (await browser.newContext()).newPage()
    const errors: string[] = []
    visitor.on('pageerror', (e) => errors.push(e.message))
    await visitor.goto(`${collector.url}/demo/`)
    await visitor.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
    const session = await visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
    for (let i = 0; i < 5; i++) await visitor.click('#wishlist', { delay: 20 })

    // The alert, with its reasons in words, in the agent's queue.
    const card = agent.locator(`[data-testid="alert"][data-session="${session}"]`)
    await card.waitFor({ timeout: 10_000 })
    await expect.poll(() => card.innerText()).toMatch(/rage click ×\d+ on .*wishlist/)
    await expect.poll(() => card.innerText()).toMatch(/\/demo\//)

    await card.getByTestId('claim').click()
    await expect.poll(() => card.getByTestId('alert-state').innerText()).toMatch(/claimed/i)

    await card.getByTestId('offer-message').fill('Hello! The wishlist is down right now. Can I save this mug for you?')
    await card.getByTestId('offer-send').click()

    // The visitor's page shows the offer (the help chunk opened its channel when the session struggled).
    const offer = visitor.getByRole('dialog')
    await offer.waitFor({ timeout: 5_000 })
    await expect.poll(() => offer.innerText()).toContain('Can I save this mug for you?')
    await offer.getByRole('button', { name: 'Accept' }).click()

    await expect.poll(() => card.getByTestId('offer-status').innerText(), { timeout: 5_000 }).toMatch(/accepted/i)
    expect(errors).toEqual([])
  })
})
