import type { Browser, BrowserContext } from 'playwright-core'
import { poll } from '../lib/poll.ts'
import type { TestCollector } from '../lib/startCollector.ts'
import { sleep } from './stats.ts'

export type Ending = 'navigate' | 'close' | 'reload'

export interface UnloadResult {
  views: number
  endings: Record<Ending, number>
  produced: { signals: number; pages: number; struggles: number; total: number }
  stored: { signals: number; pages: number; struggles: number; total: number }
  /** Stored ÷ produced, each kind capped at what was produced. */
  share: number
}

/**
 * How many views run at once (tabs of one browser): enough to keep the bench short,
 * few enough for two cores.
 */
const CONCURRENCY = 4
/** After the burst: the dead-click wait is 1 s, so the verdicts are raised, queued, and not yet sent (batches wait 5 s). */
const IN_FLIGHT_MS = 1150

/**
 * Unload delivery: `views` page views on a page with the snippet; each rage-clicks a
 * dead button, waits until the rage and dead clicks are raised (and still queued),
 * then leaves by navigation, tab close or reload (in turn). What the pages produced
 * (signals by id through a binding, one page event per load, struggles) is compared
 * with what the collector stored.
 */
export async function benchUnload(
  browser: Browser,
  collector: TestCollector,
  siteUrl: string,
  views = 200,
  log = console.log,
): Promise<UnloadResult> {
  const signalIds = new Set<string>()
  let struggles = 0
  let pages = 0
  const endings: Record<Ending, number> = { navigate: 0, close: 0, reload: 0 }
  const context: BrowserContext = await browser.newContext()
  await context.exposeBinding('__produced', (_source, kind: string, id: string) => {
    if (kind === 'signal') signalIds.add(id)
    else struggles++
  })
  const url = `${siteUrl}/unload.html?snippet=1`
  const loaded = () => (window as any).wince && !('q' in (window as any).wince)

  async function view(i: number): Promise<void> {
    const ending: Ending = (['navigate', 'close', 'reload'] as const)[i % 3]!
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(loaded)
    pages++
    for (let c = 0; c < 4; c++) await page.click('#broken', { delay: 10 })
    await sleep(IN_FLIGHT_MS)
    endings[ending]++
    if (ending === 'navigate') {
      await page.click('#away')
      await page.waitForURL(/plain\.html/)
      await page.close()
    } else if (ending === 'close') {
      await page.close({ runBeforeUnload: true })
    } else {
      await page.reload()
      await page.waitForFunction(loaded)
      // The reloaded view's own page event is queued too: it leaves by closing.
      pages++
      await page.close({ runBeforeUnload: true })
    }
  }

  let next = 0
  const worker = async () => {
    while (next < views) {
      const i = next++
      await view(i)
      if ((i + 1) % 50 === 0) log(`  unload: ${i + 1}/${views} views`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))

  const produced = { signals: signalIds.size, pages, struggles, total: signalIds.size + pages + struggles }
  const ids = [...signalIds]
  const count = async (sql: string, params: Record<string, unknown> = {}) => {
    const rows = await (
      await collector.client.query({ query: sql, query_params: params, format: 'JSONEachRow' })
    ).json<{ n: string }>()
    return Number(rows[0]?.n ?? 0)
  }
  const storedNow = async () => {
    await collector.writer.flush()
    const signals = await count('SELECT count(DISTINCT id) AS n FROM signals WHERE id IN {ids:Array(String)}', { ids })
    const pageViews = await count('SELECT count(DISTINCT id) AS n FROM page_views')
    const alerts = await count('SELECT count(DISTINCT id) AS n FROM alerts')
    return { signals, pages: pageViews, struggles: alerts, total: signals + pageViews + alerts }
  }
  // Beacons sent while a tab closed may still be on their way: wait until everything
  // produced is there, or nothing more arrives for a while (bounded).
  let last = -1
  const stored = await poll(
    storedNow,
    (s) => {
      const done = s.total >= produced.total || s.total === last
      last = s.total
      return done
    },
    20_000,
    2000,
  ).catch(storedNow)
  await context.close()
  const share =
    (Math.min(stored.signals, produced.signals) +
      Math.min(stored.pages, produced.pages) +
      Math.min(stored.struggles, produced.struggles)) /
    produced.total
  return { views, endings, produced, stored, share }
}
