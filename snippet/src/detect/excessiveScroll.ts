import { createReversals } from './createReversals'
import { verdict, type Verdict } from './Verdict'

/**
 * Scroll reversals that make excessive scrolling: down-up-down-up. One or two are
 * reading back a paragraph; the third in a row is hunting for something.
 */
export const SCROLL_REVERSALS = 3

/** Window for those reversals: 3 s keeps it to fast back-and-forth, not slow re-reading. */
export const SCROLL_WINDOW_MS = 3000

/** Smallest swing that counts, in viewport heights: half a screen is a search, not a nudge to re-read a line. */
export const SCROLL_MIN_SWING_VH = 0.5

/** One scroll sample as plain data. */
export interface ScrollSample {
  /** Scroll position in viewport heights (scrollTop / clientHeight), so the swing scales with the screen. */
  y: number
  t: number
  /** Opaque identity of the scrolling element; a new one starts over. */
  k: unknown
}

/** Excessive scroll detector, pure: repeated fast up-and-down scrolling with big swings. */
export function createExcessiveScroll() {
  let k: unknown = {}
  let r!: ReturnType<typeof createReversals>
  return (s: ScrollSample): Verdict | undefined => {
    if (s.k !== k) {
      k = s.k
      r = createReversals(SCROLL_MIN_SWING_VH, SCROLL_REVERSALS, SCROLL_WINDOW_MS)
    }
    const v = r(s.y, s.t)
    if (v) return verdict('excessive_scroll', { x: 0, y: 0, t: s.t - v.ms, _el: k }, v.n, v.ms, 'reversals')
  }
}
