import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { Alert, SignalRow } from '@wince/collector'
import { launchChromium } from '../lib/browser.ts'
import { startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startSite, type TestSite } from '../lib/startSite.ts'
import { poll } from '../lib/poll.ts'
import { snippetReady } from './corpus/Scenario.ts'

// A beacon the collector could not take waits for a retry (a plain fetch, seconds later). A visitor
// who leaves first must not take it with them: it goes by sendBeacon with the page's last beacons.
// The collector is real; Playwright's router answers the one beacon that carries the struggle alert
// with 503 and `Retry-After: 5`, as a collector whose write-ahead log is full would.
describe('a page left while a beacon waits for its retry', () => {
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
  it('still delivers the refused beacon: the rage and dead clicks are stored', async () => {
    const context = await browser.newContext()
    let refused = 0
    await context.route('**/v1/collect', async (route) => {
      const body = route.request().postData() ?? ''
      if (body.includes('"struggle"') && !refused++) {
        return route.fulfill({
          status: 503,
          headers: { 'retry-after': '5', 'access-control-allow-origin': '*' },
          body: '{}',
        })
      }
      return route.continue()
    })
    const page = await context.newPage()
    await page.goto(`${site.url}/shop.html`)
    // The boot chunk (which keeps beacons for a retry) is in.
    await snippetReady(page)
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!))
    for (let i = 0; i < 5; i++) await page.click('#broken', { delay: 20 })
    // Left 1.5 s after the refusal: its retry was due 5 s after it.
    await page.waitForTimeout(1500)
    await page.goto('about:blank')
    try {
      const { signals } = await poll(
        () => collector.api<{ signals: SignalRow[] }>(`/api/signals?site=demo&session=${session}`),
        (x) => x.signals.length >= 2,
        10_000,
      )
      expect(refused).toBe(1)
      expect(signals.map((s) => s.type).sort()).toEqual(['dead_click', 'rage_click'])
      // The alert itself was in that beacon too.
      const { alerts } = await poll(
        () => collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo'),
        (x) => x.alerts.length > 0,
        10_000,
      )
      expect(alerts.map((a) => a.session)).toEqual([session])
    } finally {
      await context.close()
    }
  }, 60_000)
})
