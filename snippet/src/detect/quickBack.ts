import { verdict, type Verdict } from './Verdict'

/**
 * Longest stay on a page that still counts as a quick back when the visitor returns to
 * the page before it. Clarity adapts its threshold per site and does not publish it;
 * a fixed 5 s is a glance: enough to see the page is wrong, too short to have used it.
 * Measured from arriving on the page to being back, so it includes the way back.
 */
export const QUICK_BACK_MS = 5000

/** One page of the session's trail (kept in sessionStorage across full page loads). */
export interface Visit {
  /** URL, origin + path. */
  u: string
  /** Arrival, epoch ms. */
  a: number
}

/**
 * Quick back, pure. Given the trail (oldest first, last two pages) and the page being
 * entered at `now`, returns the new trail and a verdict when the visitor went to a page
 * and came straight back. The verdict's `u` is the page they fled. A reload (same page)
 * leaves the trail as it is.
 */
export function quickBack(trail: Visit[], u: string, now: number): [Visit[], Verdict?] {
  const prev = trail[trail.length - 1]
  const before = trail[trail.length - 2]
  if (prev?.u == u) return [trail]
  const ms = prev ? now - prev.a : Infinity
  return [
    [...trail, { u, a: now }].slice(-2),
    before?.u == u && ms < QUICK_BACK_MS
      ? // `before` exists, so the trail has two visits and `prev` is the last.
        { ...verdict('quick_back', { x: 0, y: 0, t: now }, 1, ms, 'quick-back'), u: prev!.u }
      : undefined,
  ]
}
