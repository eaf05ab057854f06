import { ACTION, answered, judged, type Click } from './Click'
import { verdict, type Verdict } from './Verdict'

/**
 * How long the page has to answer a click. Datadog's 100 ms calls slow renders dead;
 * PostHog waits 2.5 s, Sentry 3 s and OpenReplay 1.234 s, mostly to let network-bound
 * work show. We count a network request starting as an answer, so slow work is already
 * covered and 1 s is enough: anything slower feels broken and the alert comes sooner.
 */
export const DEAD_CLICK_WAIT_MS = 1000

/**
 * Repeated dead clicks on the same element within this time are one dead click: the
 * burst itself is the rage click's evidence and must not be counted twice.
 */
export const DEAD_CLICK_REPEAT_MS = 3000

/**
 * Dead click detector, pure. Feed clicks in time order once resolved; returns a verdict
 * for a click on something that looks actionable which nothing answered within
 * {@link DEAD_CLICK_WAIT_MS} and which did not throw (that is an error click).
 */
export function createDeadClick() {
  let last: Click | undefined
  return (c: Click): Verdict | undefined => {
    if (!judged(c) || c._kind != ACTION || c._errored || answered(c, c.t + DEAD_CLICK_WAIT_MS)) return
    const again = last && last._el === c._el && c.t - last.t < DEAD_CLICK_REPEAT_MS
    last = c
    if (!again) return verdict('dead_click', c, 1, DEAD_CLICK_WAIT_MS, 'no-response')
  }
}
