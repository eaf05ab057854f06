/** Errors caught so far: only the first is reported. */
let reported = 0

/**
 * Wraps a callback so that nothing it throws ever reaches the host page. The first
 * error is reported once on the console (so a site owner can tell us about it); later
 * ones are swallowed: a broken detector must cost the page nothing, not flood its logs.
 */
export function guard<A extends unknown[], R>(fn: (...a: A) => R): (...a: A) => R | undefined {
  return (...a) => {
    try {
      return fn(...a)
    } catch (e) {
      if (!reported++) console.warn('wince:', e)
    }
  }
}

/** Does nothing: for promise rejections that must not reach the page (they would look like its own errors). */
export const noop = (): void => {}
