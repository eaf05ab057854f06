import type { WireEvent } from '@wince/snippet/wire'

/**
 * Clocks closer than this are left alone, ms: the beacon's trip (and a slow
 * phone's timer) takes up to a second or two, and a correction smaller than
 * that would only add noise.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 2_000

/**
 * How far the page's clock is ahead of the collector's (negative: behind),
 * ms, judged from the page's clock at send time (the beacon's `t`); 0 when unknown or
 * within {@link CLOCK_SKEW_TOLERANCE_MS}.
 */
export function clockSkew(ct: number | undefined, now = Date.now()): number {
  if (ct === undefined) return 0
  const skew = ct - now
  return Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : 0
}

/**
 * Moves an event's times (and a struggle's reasons') onto the collector's
 * clock, in place: a visitor whose clock is days off then appears where and
 * when they really struggled. The page's own times are `t + skew`.
 */
export function onCollectorClock(e: WireEvent, skew: number): WireEvent {
  if (skew === 0) return e
  e.t -= skew
  if (e.k === 'struggle') for (const r of e.rs) r.t -= skew
  return e
}
