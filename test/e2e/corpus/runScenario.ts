import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readyWith, type Scenario } from './Scenario.ts'

/** A phone: touch screen and mobile viewport (a Pixel-sized Chromium on Android). */
export const PHONE = {
  viewport: { width: 412, height: 860 },
  deviceScaleFactor: 2.6,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
}

/** A desktop window. */
const DESKTOP = { viewport: { width: 1000, height: 700 } }

/** What a scenario left behind: the session it ran in, what the page reported raising, the page's uncaught errors. */
export interface Run {
  session: string
  /** Whatever the watching tool reported through `window.__corpusSignal(what)`, in order. */
  raised: string[]
  pageErrors: string[]
}

/** The tool watching the page, as the runner needs to know it. */
export interface Watcher {
  /** Prepares a fresh context before its first page (init scripts: reporting what the tool raises). */
  prepare(context: BrowserContext): Promise<void>
  /** Resolves once the tool runs on the page just loaded, and returns the page's session id (or ''). */
  ready(page: Page): Promise<string>
  /** The least time after acting before leaving the page, ms: how long the tool takes to decide. */
  settleMinMs: number
}

/** Lets a lane hold the wheel: only one scenario loads its page and acts at a time (`rest` lets go for a while). */
export type Drive = <X>(f: (rest: (ms: number) => Promise<void>) => Promise<X>) => Promise<X>

/**
 * One scenario in a fresh context on `siteUrl`. Only acting holds the wheel; opening the
 * tab, loading the page, reading a busy page (dwell), settling and leaving (pagehide
 * sends the queued beacons) overlap with the other lanes.
 */
export async function runScenario(
  browser: Browser,
  siteUrl: string,
  s: Scenario,
  drive: Drive,
  watcher: Watcher,
): Promise<Run> {
  const context = await browser.newContext(s.phone ? PHONE : DESKTOP)
  try {
    const r: Run = { session: '', raised: [], pageErrors: [] }
    await context.exposeBinding('__corpusSignal', (_source, what: unknown) => void r.raised.push(String(what)))
    await watcher.prepare(context)
    readyWith(context, watcher.ready)
    const page = await context.newPage()
    page.on('pageerror', (e) => r.pageErrors.push(e.message))
    const open = async () => {
      await page.goto(`${siteUrl}/${s.page}`)
      r.session = await watcher.ready(page)
    }
    // Loading the page does not hold the wheel (acting alone took 99 % of the run's time):
    // what must not be disturbed is the visitor's input timing, and a page waiting its
    // turn only reads longer. A busy page is then read (dwell) before the turn is asked for.
    await open()
    if (s.dwell) await page.waitForTimeout(s.dwell)
    await drive((rest) => s.run(page, context, rest))
    await page.waitForTimeout(Math.max(s.settle ?? DEFAULT_SETTLE_MS, watcher.settleMinMs))
    await page.goto('about:blank')
    return r
  } finally {
    await context.close()
  }
}

/** A click is settled (answered, dead or errored) 1 s after it, plus slack for the timer. */
export const DEFAULT_SETTLE_MS = 1200
