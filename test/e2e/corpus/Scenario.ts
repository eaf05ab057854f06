import type { BrowserContext, Page } from 'playwright-core'
import type { SignalRow } from '@wince/collector'

/** A signal type as the API names it. */
export type SignalType = SignalRow['type']

/** One labelled case of the corpus: a page, what the visitor does there, and the signals it must raise. */
export interface Scenario {
  name: string
  /** Page to open first, relative to the corpus site (`dead-button.html`). */
  page: string
  /** Signal types that must be raised, exactly: `[]` for a trap. */
  expect: SignalType[]
  /** Drives the visitor; the page is open and the snippet running. */
  run(page: Page, context: BrowserContext): Promise<void>
  /**
   * How long to wait after `run` before leaving the page, ms. Default 1,200: a click
   * is settled (answered, dead or errored) 1 s after it, plus slack for the timer.
   */
  settle?: number
}

/** Resolves once the real snippet has replaced the queue stub on this page. */
export const snippetReady = (page: Page) =>
  page.waitForFunction(() => typeof (window as { wince?: { q?: unknown } }).wince === 'function' && !('q' in (window as any).wince))

/**
 * Clicks the centre of `selector` `n` times, `gapMs` apart, as a person pressing a control
 * repeatedly (raw mouse clicks: Playwright's actionability checks would space them out).
 */
export async function clicks(page: Page, selector: string, n: number, gapMs: number, modifiers: Array<'Control' | 'Meta' | 'Shift' | 'Alt'> = []) {
  const { x, y } = await centre(page, selector)
  for (const m of modifiers) await page.keyboard.down(m)
  for (let i = 0; i < n; i++) {
    if (i) await page.waitForTimeout(gapMs)
    await page.mouse.click(x, y, { delay: 20 })
  }
  for (const m of modifiers) await page.keyboard.up(m)
}

/** Centre of an element, for raw mouse moves. */
export async function centre(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Moves the mouse back and forth between `x ± dx`, `n` legs of `legMs` each (one pointer event per leg). */
export async function zigzag(page: Page, x: number, y: number, dx: number, n: number, legMs: number) {
  for (let i = 0; i < n; i++) {
    await page.mouse.move(x + (i % 2 ? -dx : dx), y + (i % 3) * 4)
    await page.waitForTimeout(legMs)
  }
}

/** Wheel-scrolls by `dy` and lets the scroll land. */
export async function wheel(page: Page, dy: number, pauseMs: number) {
  await page.mouse.wheel(0, dy)
  await page.waitForTimeout(pauseMs)
}

/** Follows a same-tab link to a full page load and waits for the snippet there. */
export async function follow(page: Page, selector: string) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)])
  await snippetReady(page)
}
