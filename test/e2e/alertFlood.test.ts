import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { availableParallelism, loadavg } from 'node:os'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Alert } from '@wince/collector'
import { createTestApp, TEST_TOKEN } from '@wince/collector/testing'
import { launchChromium } from '../lib/browser.ts'

/** Alerts in the flood: the issue's example is 5,100 from one IP in 17 beacons. */
const FLOOD = 5_000
/** Published per burst, and the pause between bursts: ~25,000 alerts a second, far past any real site. */
const BURST = 250
const BURST_GAP_MS = 10
/** The longest task the dashboard tab may run while the flood arrives (a frame budget a person does not notice stalling). */
const LONG_TASK_BUDGET_MS = 100

// An alert flood reaches an open dashboard's live stream (published straight on the
// bus, as the collector does once it accepted them: this measures the tab, not the
// collector's per-IP alert limits). The tab must stay responsive: no task over 100 ms.
describe('dashboard under an alert flood', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>
  let server: ServerType
  let url: string
  let browser: Browser

  beforeAll(async () => {
    t = await createTestApp()
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchChromium()
  })

  /** Publishes the flood: two visitors per problem, one in fifty asking for help. */
  const flood = async (prefix: string, now: number) => {
    for (let i = 0; i < FLOOD; i++) {
      const alert: Alert = {
        id: `${prefix}-${i}`,
        site: 'demo',
        session: `${prefix}-session-${i}`,
        pageView: `pv-${i}`,
        url: `http://localhost:5173/p${Math.floor(i / 2) % 400}`,
        ts: now + i,
        score: 9,
        state: 'open',
        issue: `${prefix}-issue-${Math.floor(i / 2)}`,
        device: 'desktop',
        browser: 'Chrome',
        os: 'Linux',
        reasons: [{ type: 'rage_click', sel: `button#b${Math.floor(i / 2)}`, lb: 'button', t: now + i, n: 5, pts: 6 }],
        ...(i % 50 === 0 && { help: 'requested' as const, helpAt: now + i }),
      }
      t.bus.publish({
        id: alert.id,
        kind: i % 50 === 0 ? 'help' : 'alert',
        site: 'demo',
        session: alert.session,
        at: alert.ts,
        data: alert,
      })
      if (i % BURST === BURST - 1) await new Promise((r) => setTimeout(r, BURST_GAP_MS))
    }
  }

  /** Long tasks a page saw since `from` (its performance.now()). */
  const longTasks = (page: Page, from: number) =>
    page.evaluate(
      (f) => ((window as any).__longTasks as Array<{ start: number; duration: number }>).filter((x) => x.start >= f),
      from,
    )

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => {
      server?.close(() => resolve())
      ;(server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.()
    })
    await t?.close()
  })

  it(`stays responsive while ${FLOOD.toLocaleString('en')} alerts arrive: no task over ${LONG_TASK_BUDGET_MS} ms, a bounded window of cards`, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    await context.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = ((window as any).__longTasks = [])
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    // The floor: a bare page whose EventSource listeners only count, open beside the dashboard
    // and fed the same flood at the same moment. On a quiet machine it has no long task; on a
    // loaded one (other processes on the cores, the collector publishing the flood) the
    // browser's own dispatch of a burst already runs long, and the dashboard is held to the
    // budget above that floor, measured under the same load, not at another time.
    const bare = await context.newPage()
    await bare.goto(`${url}/?token=${TEST_TOKEN}`)
    await bare.goto(`${url}/login`)
    await bare.evaluate(async () => {
      const es = new EventSource('/api/alerts/stream?site=demo')
      ;(window as any).__n = 0
      for (const type of ['alert', 'help']) es.addEventListener(type, () => (window as any).__n++)
      await new Promise((resolve) => es.addEventListener('ready', resolve))
    })

    const page = await context.newPage()
    await page.goto(`${url}/?token=${TEST_TOKEN}`)
    await page.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()
    await page.waitForTimeout(1000)
    const start = await page.evaluate(() => performance.now())
    const bareFrom = await bare.evaluate(() => performance.now())

    const now = Date.now()
    await flood('flood', now)
    const published = Date.now()

    // Every help request is counted (kept however many alerts come after it), and they come first.
    await page.locator(`[data-testid="waiting-help"][data-count="${FLOOD / 50}"]`).waitFor({ timeout: 30_000 })
    const shown = Date.now()
    await page.waitForTimeout(2000)
    // A bounded window of cards, not thousands.
    const cards = await page.locator('section.alerts > ol.alert-list > li').count()
    expect(cards).toBe(20)
    expect(
      await page.locator('section.alerts > ol.alert-list > li').first().locator('[data-help="requested"]').count(),
    ).toBe(1)
    // The rest is there on demand: the newest problem, after the visitors waiting for help.
    const moreFrom = await page.evaluate(() => performance.now())
    const newest = page.locator(`[data-testid="issue"][data-issue="flood-issue-${(FLOOD - 2) / 2}"]`)
    for (let i = 0; i < 20 && !(await newest.count()); i++) await page.getByTestId('alerts-more').click()
    await newest.waitFor({ timeout: 5_000 })

    await bare.waitForFunction((n) => (window as any).__n >= n, FLOOD, { timeout: 30_000 })
    const floor = Math.max(0, ...(await longTasks(bare, bareFrom)).map((x) => x.duration))
    await bare.close()
    const tasks = await longTasks(page, start)
    const longest = Math.max(0, ...tasks.map((x) => x.duration))
    console.log(
      `long tasks (start ms after the flood began / duration), "show more" from ${(moreFrom - start).toFixed(0)}: ${tasks.map((x) => `${(x.start - start).toFixed(0)}/${x.duration.toFixed(0)}`).join(' ')}`,
    )
    console.log(
      `alert flood: ${FLOOD} alerts published in ${published - now} ms, newest shown after ${shown - now} ms; ${tasks.length} long tasks (> 50 ms), longest ${longest.toFixed(0)} ms; ${cards} cards rendered`,
    )
    console.log(
      `bare EventSource page, same flood: longest task ${floor.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    )
    expect(longest).toBeLessThanOrEqual(LONG_TASK_BUDGET_MS + floor)
  }, 120_000)
})
