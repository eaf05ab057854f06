import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startLiveSite } from '../lib/startLiveSite.ts'
import type { TestSite } from '../lib/startSite.ts'

const DAY = 24 * 3600 * 1000

interface ListedAlert {
  id: string
  session: string
  ts: number
  reasons: Array<{ t: number }>
}

// A visitor whose computer clock is two days off must show where and when they really
// struggled: in /api/alerts' default range (the last 24 hours), at the collector's time.
describe('clock skew, in Chromium', () => {
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

  for (const offset of [2 * DAY, -2 * DAY]) {
    it(`lists the alert of a page whose clock is ${offset > 0 ? '2 days ahead' : '2 days behind'} at the real time`, async () => {
      const context = await browser.newContext()
      const page = await context.newPage()
      // The page's wall clock (Date) is off; its monotonic clock (performance.now) is not, as on a real machine.
      await page.addInitScript((off: number) => {
        const RealDate = Date
        const realNow = RealDate.now.bind(RealDate)
        class SkewedDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(realNow() + off)
            else super(...(args as [number]))
          }
          static override now(): number {
            return realNow() + off
          }
        }
        ;(window as unknown as { Date: DateConstructor }).Date = SkewedDate as unknown as DateConstructor
      }, offset)
      await page.goto(`${site.url}/shop.html`)
      await page.waitForFunction(() => typeof (window as unknown as { wince?: unknown }).wince === 'function')
      expect(Math.abs((await page.evaluate(() => Date.now())) - offset - Date.now())).toBeLessThan(5_000)
      const sid = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
      const struggledAt = Date.now()
      for (let i = 0; i < 5; i++) await page.click('#broken', { delay: 20 })

      const { alerts } = await poll(
        () => collector.api<{ alerts: ListedAlert[] }>('/api/alerts?site=demo'),
        (r) => r.alerts.some((a) => a.session === sid),
        20_000,
      )
      const alert = alerts.find((a) => a.session === sid)!
      // Within seconds of when the clicks happened on the real clock, not two days off.
      expect(Math.abs(alert.ts - struggledAt)).toBeLessThan(15_000)
      for (const r of alert.reasons) expect(Math.abs(r.t - struggledAt)).toBeLessThan(15_000)
      // The page's own time is kept beside it.
      const rows = (await (
        await collector.client.query({
          query: 'SELECT skew FROM alerts WHERE session = {s:String}',
          query_params: { s: sid },
          format: 'JSONEachRow',
        })
      ).json()) as Array<{ skew: string }>
      expect(rows).toHaveLength(1)
      expect(Math.abs(Number(rows[0]!.skew) - offset)).toBeLessThan(5_000)
      await context.close()
    })
  }
})
