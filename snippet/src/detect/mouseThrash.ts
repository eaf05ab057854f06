import { createReversals } from './createReversals'
import { verdict, type Verdict } from './Verdict'

/**
 * Reversals, on one axis, that make a thrash. OpenReplay counts > 4 direction changes
 * in 225 ms, which asks for a ~20 Hz shake (people shake a mouse at 3-6 Hz) and, with no
 * minimum swing, can fire on jitter. We keep its count (5) over a humane window.
 */
export const THRASH_REVERSALS = 5

/** Window for those reversals: 5 in 0.8 s is a ≥ 3 Hz shake, far from pointing and correcting (1-2 reversals). */
export const THRASH_WINDOW_MS = 800

/** Smallest swing that counts: 30 px is a deliberate shake, not hand tremor or an overshoot correction. */
export const THRASH_MIN_SWING_PX = 30

/**
 * Longest a turn may take to count as a reversal: from reaching an extreme to being
 * THRASH_MIN_SWING_PX back. A shake turns without stopping: at 3 Hz with the smallest
 * swing that counts (±16 px) the pointer is 30 px back ~140 ms after the extreme, and
 * faster or wider shakes sooner. A visitor choosing between controls dwells on each
 * (≥ 150 ms, a fixation) and then starts at rest (minimum-jerk: ~100 ms to cover 30 px of
 * a 100 px glide), so their turns take ≥ 250 ms. Derived and checked on generated movement
 * (`humanMotion.ts`, `mouseThrash.test.ts`), not on any page's script.
 */
export const THRASH_MAX_TURN_MS = 150

/** One sample of the pointer, as plain data. */
export interface PointerSample {
  x: number
  y: number
  t: number
  /** `PointerEvent.buttons`: a held button means dragging a slider or drawing, not thrashing. */
  b: number
  /** `PointerEvent.pointerType`: only 'mouse' can thrash; touch and pen move for other reasons. */
  p: string
}

/**
 * Mouse thrash detector, pure: rapid, erratic reversals of the mouse horizontally or
 * vertically. A held button or a non-mouse pointer resets it.
 */
export function createMouseThrash() {
  const axis = () => createReversals(THRASH_MIN_SWING_PX, THRASH_REVERSALS, THRASH_WINDOW_MS, THRASH_MAX_TURN_MS)
  let h = axis()
  let v = axis()
  const reset = () => {
    h = axis()
    v = axis()
  }
  return (s: PointerSample): Verdict | undefined => {
    if (s.b || s.p != 'mouse') {
      reset()
      return
    }
    const rx = h(s.x, s.t)
    const r = v(s.y, s.t) || rx
    if (r) {
      reset()
      // Only a mouse gets here (see above).
      return verdict('mouse_thrash', { x: s.x, y: s.y, t: s.t - r.ms, _pointer: 'mouse' }, r.n, r.ms, 'reversals')
    }
  }
}
