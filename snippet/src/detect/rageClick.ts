import { answered, judged, type Click } from './Click'
import { DEAD_CLICK_WAIT_MS } from './deadClick'
import { verdict, type Verdict } from './Verdict'

/** Clicks in a burst. PostHog, Datadog and OpenReplay all start at 3: two is a double-click. */
export const RAGE_CLICK_MIN = 3

/**
 * Longest gap between two clicks of one burst. PostHog uses < 1 s between clicks and
 * Datadog 3 clicks in 1 s; we take 1 s between clicks because every click must also go
 * unanswered, which already rules out the fast legitimate multi-clicks. Must not exceed
 * DEAD_CLICK_WAIT_MS: a burst is closed when its last click's wait has passed.
 */
export const RAGE_CLICK_GAP_MS = 1000

/**
 * Farthest a click may land from the burst's first click (unless it hits the same
 * element). PostHog's 30 px misses a wide button hit in different spots; Datadog's
 * 100 px reaches neighbouring controls. Same element always counts.
 */
export const RAGE_CLICK_RADIUS_PX = 50

/**
 * Rage click detector, pure. Feed clicks in time order once each has been resolved (its
 * answer wait has passed); it returns a verdict when a burst closes as rage.
 *
 * A burst is a run of judged clicks, each within the gap of the previous and the radius
 * of the first, that the page left unanswered. A click the page answers (stepper,
 * carousel, calendar, toggle, double-click to edit, text selection) ends the burst
 * with an answer, and an answered burst is never rage. Neither is one answered late
 * (a debounced stepper): the last click must stay unanswered for DEAD_CLICK_WAIT_MS.
 */
export function createRageClick() {
  let burst: Click[] = []
  const close = (): Verdict | undefined => {
    // f and l are read only when n >= RAGE_CLICK_MIN, so the burst is not empty.
    const f = burst[0]!
    const l = burst[burst.length - 1]!
    const n = burst.length
    burst = []
    if (n >= RAGE_CLICK_MIN && !answered(l, l.t + DEAD_CLICK_WAIT_MS))
      return verdict('rage_click', f, n, l.t - f.t, 'no-response')
  }
  return {
    /** Adds a resolved click; returns the verdict of the burst it closed, if rage. */
    push(c: Click): Verdict | undefined {
      if (!judged(c)) return
      const f = burst[0]
      const p = burst[burst.length - 1]
      const v =
        f &&
        p &&
        !answered(p, c.t) &&
        c.t - p.t <= RAGE_CLICK_GAP_MS &&
        (c._el === f._el || Math.hypot(c.x - f.x, c.y - f.y) <= RAGE_CLICK_RADIUS_PX)
          ? undefined
          : close()
      burst.push(c)
      return v
    },
    /**
     * No click is waiting: closes the current burst when it is already rage. A shorter one
     * stays open: a busy page may dispatch the visitor's next press after the earlier ones
     * were resolved, and its `timeStamp` (the press) still places it within the gap; a
     * later click outside the gap closes it as before.
     */
    end: () => (burst.length < RAGE_CLICK_MIN ? undefined : close()),
  }
}
