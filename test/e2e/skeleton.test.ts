import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Alert, SignalRow } from '@wince/collector'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startSite, type TestSite } from '../lib/startSite.ts'

// The walking skeleton end to end: a page on another origin loads s.js with
// one script tag; its broken button is rage-clicked; the signals come back
// from the API and the struggle alert shows in the dashboard without a reload.
describe('script tag to live alert', () => {
  let collector: TestCollector
  let site: TestSite
  let browser: Browser

  beforeAll(async () => {
    collector = await startCollector()
    site = await startSite(collector.url)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await collector?.close()
  })

  it('detects rage and dead clicks on a broken button, stores them, and alerts the dashboard', async () => {
    const dashboard = await browser.newPage()
    await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    expect(new URL(dashboard.url()).pathname).toBe('/')
    await dashboard.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()

    const visitor = await browser.newPage()
    const pageErrors: string[] = []
    visitor.on('pageerror', (e) => pageErrors.push(e.message))
    await visitor.goto(`${site.url}/shop.html`)
    // The real snippet has replaced the queue stub once it runs.
    await visitor.waitForFunction(
      () => typeof (window as { wince?: { q?: unknown } }).wince === 'function' && !('q' in (window as any).wince),
    )

    for (let i = 0; i < 5; i++) await visitor.click('#broken', { delay: 20 })

    const { signals } = await poll(
      () => collector.api<{ signals: SignalRow[] }>('/api/signals?site=demo'),
      (r) => ['rage_click', 'dead_click'].every((type) => r.signals.some((s) => s.type === type)),
      15_000,
    )
    const rage = signals.find((s) => s.type === 'rage_click')!
    expect(rage.url).toBe(`${site.url}/shop.html`)
    expect(rage.selector).toContain('broken')
    expect(rage.n).toBeGreaterThanOrEqual(3)
    expect(rage.x).toBeGreaterThan(0)
    expect(signals.find((s) => s.type === 'dead_click')!.selector).toContain('broken')
    expect(signals.every((s) => s.session === rage.session)).toBe(true)

    // The page's own code heard the struggle through the page API…
    const struggles = await visitor.evaluate(() => (window as any).__struggles as Array<{ score: number }>)
    expect(struggles).toHaveLength(1)

    // …and the dashboard shows the alert, with its reasons, without a reload.
    const card = dashboard.locator(`[data-testid="alert"][data-session="${rage.session}"]`)
    await card.waitFor({ timeout: 10_000 })
    await expect.poll(() => card.innerText()).toMatch(/rage/i)
    // The live card comes before storage: the alert's row is written in its own insert, after the signals'.
    const { alerts } = await poll(
      () => collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo'),
      (r) => r.alerts.length > 0,
      10_000,
    )
    expect(alerts.map((a) => a.session)).toEqual([rage.session])

    // A working button clicked the same way raises nothing.
    for (let i = 0; i < 5; i++) await visitor.click('#works', { delay: 20 })
    await visitor.waitForTimeout(2500)
    const after = await collector.api<{ signals: SignalRow[] }>('/api/signals?site=demo')
    expect(after.signals.filter((s) => s.selector.includes('works'))).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
