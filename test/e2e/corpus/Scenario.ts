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
  /**
   * Drives the visitor; the page is open and the snippet running. `rest(ms)` waits at least
   * `ms` without acting alone (other scenarios act meanwhile): only for a wait with no upper
   * bound, as a visitor staying on a page longer than a glance.
   */
  run(page: Page, context: BrowserContext, rest: (ms: number) => Promise<void>): Promise<void>
  /** Opens the page on a phone (touch screen, mobile viewport): the visitor taps and swipes. */
  phone?: boolean
  /** What kind of page it is, for the corpus's counts: built by a framework, or busy with background activity. */
  kind?: 'framework' | 'busy'
  /**
   * How long the visitor reads before acting, ms (default 0): on a busy page, long enough
   * for its background activity to show its habit. Spent without holding the wheel.
   */
  dwell?: number
  /**
   * How long to wait after `run` before leaving the page, ms. Default 1,200: a click
   * is settled (answered, dead or errored) 1 s after it, plus slack for the timer.
   */
  settle?: number
}

/** How a context's pages are awaited when they run another tool than Wince (the bench runs the corpus under peers too). */
const readiness = new WeakMap<BrowserContext, (page: Page) => Promise<unknown>>()

/** Makes `snippetReady` on this context's pages wait for `ready` instead of Wince. */
export const readyWith = (context: BrowserContext, ready: (page: Page) => Promise<unknown>) =>
  void readiness.set(context, ready)

/**
 * Resolves once the tool watching the page runs on it: Wince by default (`winceReady`),
 * or what `readyWith` set for the page's context. Scenarios call it after a full page load.
 */
export const snippetReady = async (page: Page) => {
  const other = readiness.get(page.context())
  await (other ? other(page) : winceReady(page))
}

/**
 * Resolves once the real snippet has replaced the queue stub on this page, and its boot
 * chunk (`/s/<hash>.js`: mouse thrash and excessive scroll live there) has loaded.
 */
export const winceReady = async (page: Page) => {
  await page.waitForFunction(
    () =>
      typeof (window as { wince?: { q?: unknown } }).wince === 'function' &&
      !('q' in (window as any).wince) &&
      performance.getEntriesByType('resource').some((e) => /\/s\/[0-9a-f]{10}\.js$/.test(e.name)),
  )
  // The script runs right after its response ends.
  await page.waitForTimeout(50)
}

/** CDP's modifier bits (`Input.dispatchMouseEvent`'s `modifiers`). */
const MODIFIER_BITS = { Alt: 1, Control: 2, Meta: 4, Shift: 8 } as const

/** How long a finger or button stays down in a press, ms. */
const PRESS_MS = 20

/**
 * Presses `n` times, `gapMs` apart, each stamped with the time the visitor pressed (CDP's
 * `timestamp`), as a real browser stamps input with the time the OS saw it: on a loaded
 * machine the driver (which waits for the page to take each event) may deliver a press
 * late, and a page busy with a long task takes it late, but the visitor's rhythm, which the
 * detectors read from `event.timeStamp`, stays the one the scenario states.
 */
async function presses(page: Page, n: number, gapMs: number, press: (at: number) => Promise<void>) {
  const t0 = Date.now()
  for (let i = 0; i < n; i++) {
    const at = t0 + i * gapMs
    const wait = at - Date.now()
    if (wait > 0) await page.waitForTimeout(wait)
    await press(at)
  }
}

/**
 * Clicks the centre of `selector` `n` times, `gapMs` apart, as a person pressing a control
 * repeatedly (raw mouse events: Playwright's actionability checks would space them out),
 * each stamped with its intended time (see `presses`).
 */
export async function clicks(
  page: Page,
  selector: string,
  n: number,
  gapMs: number,
  modifiers: Array<'Control' | 'Meta' | 'Shift' | 'Alt'> = [],
) {
  const { x, y } = await centre(page, selector)
  await page.mouse.move(x, y)
  for (const m of modifiers) await page.keyboard.down(m)
  const cdp = await page.context().newCDPSession(page)
  const base = {
    x,
    y,
    button: 'left' as const,
    clickCount: 1,
    modifiers: modifiers.reduce((a, m) => a | MODIFIER_BITS[m], 0),
  }
  try {
    await presses(page, n, gapMs, async (at) => {
      await cdp.send('Input.dispatchMouseEvent', { ...base, type: 'mousePressed', timestamp: at / 1000 })
      await page.waitForTimeout(PRESS_MS)
      await cdp.send('Input.dispatchMouseEvent', { ...base, type: 'mouseReleased', timestamp: (at + PRESS_MS) / 1000 })
    })
  } finally {
    await cdp.detach()
  }
  for (const m of modifiers) await page.keyboard.up(m)
}

/** Centre of an element, for raw mouse moves and taps; scrolled into view first, as a visitor would, and let settle. */
export async function centre(page: Page, selector: string) {
  const el = page.locator(selector)
  const before = await page.evaluate(() => scrollY)
  await el.scrollIntoViewIfNeeded()
  if ((await page.evaluate(() => scrollY)) !== before) await page.waitForTimeout(150)
  const box = (await el.boundingBox())!
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

/** Taps the centre of `selector` `n` times, `gapMs` apart, as a thumb on a phone, each stamped with its intended time (see `presses`). */
export async function taps(page: Page, selector: string, n: number, gapMs: number) {
  const { x, y } = await centre(page, selector)
  const cdp = await page.context().newCDPSession(page)
  try {
    await presses(page, n, gapMs, async (at) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }], timestamp: at / 1000 })
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchEnd',
        touchPoints: [],
        timestamp: (at + PRESS_MS) / 1000,
      })
    })
  } finally {
    await cdp.detach()
  }
}

/** A finger swipe scrolling the page by `dy` (positive: towards the end), as the browser's own touch gesture. */
export async function swipe(page: Page, dy: number, speed = 1200) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.synthesizeScrollGesture', { x: 180, y: 400, yDistance: -dy, speed, gestureSourceType: 'touch' })
  await cdp.detach()
}

/** Two fingers pinching at (x, y): `scale` > 1 zooms in. */
export async function pinch(page: Page, x: number, y: number, scale: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.synthesizePinchGesture', { x, y, scaleFactor: scale, gestureSourceType: 'touch' })
  await cdp.detach()
}

/** A double tap at the centre of `selector` (zooms a page without a mobile viewport). */
export async function doubleTap(page: Page, selector: string) {
  const { x, y } = await centre(page, selector)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.synthesizeTapGesture', { x, y, tapCount: 2, gestureSourceType: 'touch' })
  await cdp.detach()
}

/** Moves the mouse along generated samples (`humanMotion`), in real time. */
export async function trace(page: Page, samples: Array<{ x: number; y: number; t: number }>) {
  const t0 = Date.now() - (samples[0]?.t ?? 0)
  for (const [i, s] of samples.entries()) {
    const wait = s.t - (Date.now() - t0)
    // Behind (a loaded machine): skip to catch up rather than slow the movement down.
    if (wait < -16 && i < samples.length - 1) continue
    if (wait > 0) await page.waitForTimeout(wait)
    await page.mouse.move(s.x, s.y)
  }
}
