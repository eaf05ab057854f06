import type { Ctx } from '../../ext/Ctx'
import { createMouseThrash, type PointerSample } from '../../detect/mouseThrash'
import { createExcessiveScroll } from '../../detect/excessiveScroll'
import { IGNORE } from '../../dom/classify'
import type { Sub } from './hub'
import { own } from '../lib/chunk'

/**
 * At most one pointer sample per this long (every third move of a 60 Hz mouse, 48 ms apart).
 * A move is the page's most frequent event, and reading an event's fields is what costs on
 * it, so the moves in between are dropped on their `timeStamp` alone. Thrash is ≥ 5
 * reversals of ≥ 30 px at 3–6 Hz: on generated human shakes and choosing glides
 * (`humanMotion.ts`, 400 seeds, moves every 16 ms thinned like this) sampling every 64 ms
 * still calls every shake and no glide; every 80 ms misses a fifth of the shakes. 40 ms
 * keeps that margin. The trail's cursor takes the same samples (~20 a second).
 */
export const THRASH_SAMPLE_MS = 40

/**
 * Motion detectors, in the boot chunk (the core has no room for them, and neither needs
 * to see the page's first second): pointer moves into the mouse thrash detector; the
 * document's and any element's scroll position, in viewport heights, into the excessive
 * scroll detector. Their verdicts go the way the core's go (`c.e`). Pointer moves come to a
 * listener of their own, the rest through the boot chunk's {@link Sub} (one listener per
 * event type for all its parts); each pointer sample also goes to `move` (the trail's cursor).
 */
export function watchMotion(c: Ctx, on: Sub, move: (s: PointerSample) => void): void {
  const thrash = createMouseThrash()
  let lastT = 0
  // A listener of its own, neither the hub's loop nor `guard`'s wrapper (both call many functions from one
  // call site): a move is the page's most frequent event. In the listener probe (`bench/peers/listenerProbe.ts`,
  // the snippet's row over the one reading `timeStamp`, same run) this took the snippet's moves from 1.75× and
  // 1.85× (through the hub, through `guard`) to 1.42× and 1.61× (two runs).
  own(c, 'pointermove', (e: PointerEvent) => {
    try {
      // Every move marks the visitor at work (see `Ctx.i`): what the page changes now is theirs.
      const t = (c.i = e.timeStamp)
      if (t - lastT < THRASH_SAMPLE_MS) return
      lastT = t
      // One sample for the detector and the trail.
      const s = { x: e.clientX, y: e.clientY, t, b: e.buttons, p: e.pointerType }
      move(s)
      const v = thrash(s)
      // Pointer events always target an element (the hit one, or the capturing one).
      const el = e.target as Element
      if (v && !el.closest(IGNORE)) c.e({ ...v, k: el })
    } catch {
      // Kept from the page but not reported: a default page view has no bytes left for the report (the size gate).
    }
  })
  // Down or up on a control ends a glide: the visitor chose. Thrash only counts motion with no press in it.
  // A held button resets the detector before it reads any other field of the sample.
  on('pointerdown', () => thrash({ b: 1 } as PointerSample))
  const scroll = createExcessiveScroll()
  on('scroll', (e: Event) => {
    // The target is the document (its scrolling element stands for it) or an element.
    const el = (e.target == document ? document.scrollingElement : e.target) as Element | null
    if (!el || el.closest(IGNORE)) return
    const v = scroll({ y: el.scrollTop / (el.clientHeight || 1), t: e.timeStamp, k: el })
    if (v) c.e(v)
  })
}
