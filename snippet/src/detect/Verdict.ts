import type { SignalType } from '../wire'

/**
 * A detector's decision, before the DOM adapter turns it into a wire signal
 * (adding id, epoch time, URL, selector and label).
 */
export interface Verdict {
  type: SignalType
  /** Viewport position, CSS px (0 when not tied to a point). */
  x: number
  y: number
  /** When the evidence started, in the time base the detector was fed. */
  t: number
  /** Evidence count: clicks, reversals… */
  n: number
  /** Evidence window or wait, ms. */
  ms: number
  /** Evidence in words. */
  why: string
  /** Opaque handle of the element concerned (the adapter passes Elements); absent for page-level signals. */
  k?: unknown
  /** URL the signal is about when it is not the current page (quick_back: the page left). */
  u?: string
  /**
   * Selector and safe label, when the finder described the element itself (the boot
   * chunk's form watcher names a field by its kind, never by what was typed); else the
   * core describes `k`.
   */
  sel?: string
  lb?: string
  /** Pointer type of the evidence (`mouse`, `touch`, `pen`), when it came from a pointer. */
  pt?: string
}

/** Builds a verdict from the record it is about (its position, time and element). */
export const verdict = (
  type: Verdict['type'],
  r: { x: number; y: number; t: number; _el?: unknown; _pointer?: string },
  n: number,
  ms: number,
  why: string,
): Verdict => ({ type, x: r.x, y: r.y, t: r.t, n, ms, why, k: r._el, pt: r._pointer })
