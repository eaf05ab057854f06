import type { Ctx } from '../../ext/Ctx'
import { createMouseThrash } from '../../detect/mouseThrash'
import { createExcessiveScroll } from '../../detect/excessiveScroll'
import { IGNORE } from '../../dom/classify'
import type { Sub } from './hub'

/** At most one pointer sample per ~60 Hz frame: high-rate mice add work, not information. */
export const THRASH_SAMPLE_MS = 15

/**
 * Motion detectors, in the boot chunk (the core has no room for them, and neither needs
 * to see the page's first second): pointer moves into the mouse thrash detector; the
 * document's and any element's scroll position, in viewport heights, into the excessive
 * scroll detector. Their verdicts go the way the core's go (`c.e`). They listen through
 * the boot chunk's {@link Sub} (one listener per event type for all its parts).
 */
export function watchMotion(c: Ctx, on: Sub): void {
  const thrash = createMouseThrash()
  let lastT = 0
  on('pointermove', (e: PointerEvent) => {
    if (e.timeStamp - lastT < THRASH_SAMPLE_MS) return
    lastT = e.timeStamp
    const v = thrash({ x: e.clientX, y: e.clientY, t: e.timeStamp, b: e.buttons, p: e.pointerType })
    // Pointer events always target an element (the hit one, or the capturing one).
    const el = e.target as Element
    if (v && !el.closest(IGNORE)) c.e({ ...v, k: el })
  })
  // Down or up on a control ends a glide: the visitor chose. Thrash only counts motion with no press in it.
  on('pointerdown', () => thrash({ x: 0, y: 0, t: 0, b: 1, p: 'mouse' }))
  const scroll = createExcessiveScroll()
  on('scroll', (e: Event) => {
    // The target is the document (its scrolling element stands for it) or an element.
    const el = (e.target == document ? document.scrollingElement : e.target) as Element | null
    if (!el || el.closest(IGNORE)) return
    const v = scroll({ y: el.scrollTop / (el.clientHeight || 1), t: e.timeStamp, k: el })
    if (v) c.e(v)
  })
}
