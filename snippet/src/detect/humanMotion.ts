/**
 * Human-like pointer movement, generated (test helper, never bundled): used to derive and
 * check the mouse thrash thresholds, and by the labelled corpus to drive real Chromium.
 *
 * - Aimed movement follows the minimum-jerk profile (Flash & Hogan 1985): position
 *   s(τ) = 10τ³ − 15τ⁴ + 6τ⁵ of the way, τ = elapsed / duration, so it starts and ends at rest.
 * - Its duration follows Fitts' law, MT = a + b·log2(D/W + 1), with a = 80 ms and
 *   b = 120 ms/bit (the middle of published mouse-pointing fits, ~50–150 ms/bit).
 * - A chooser dwells on each target (reading a hover, comparing): 150–600 ms, since
 *   a fixation lasts ≥ ~200 ms.
 * - Physiological tremor (8–12 Hz, ~1 px) and a little sensor noise ride on everything.
 * - A shake is fast repeated reversals at 3–6 Hz with no dwell, ±20–120 px, each leg of
 *   slightly random length and pace.
 * Samples come every 16 ms (a 60 Hz pointer), as the snippet samples them.
 */
export interface MotionSample {
  x: number
  y: number
  t: number
}

/** Seeded PRNG (mulberry32): the same seed gives the same movement. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const SAMPLE_MS = 16
const FITTS_A_MS = 80
const FITTS_B_MS = 120

/** Fitts' law movement time to a target `w` px wide `d` px away. */
export const fittsMs = (d: number, w: number): number => FITTS_A_MS + FITTS_B_MS * Math.log2(d / w + 1)

const minJerk = (τ: number) => 10 * τ ** 3 - 15 * τ ** 4 + 6 * τ ** 5

/** Tremor and sensor noise at time t (ms). */
const tremor = (t: number, r: () => number, phase: number) =>
  Math.sin((2 * Math.PI * 10 * t) / 1000 + phase) + (r() - 0.5)

/**
 * A visitor choosing between targets: glides from one centre to the next (minimum jerk,
 * Fitts duration for a target `w` px wide), dwelling `dwell` ms (random in the range) on each.
 */
export function choose(
  targets: Array<{ x: number; y: number }>,
  w: number,
  r: () => number,
  dwell: [number, number] = [150, 600],
  t0 = 0,
): MotionSample[] {
  const out: MotionSample[] = []
  let t = t0
  const ph = r() * 6
  for (let i = 1; i < targets.length; i++) {
    const a = targets[i - 1]!
    const b = targets[i]!
    const d = Math.hypot(b.x - a.x, b.y - a.y)
    const mt = fittsMs(d, w) * (0.85 + 0.3 * r())
    for (let e = 0; e < mt; e += SAMPLE_MS) {
      const s = minJerk(e / mt)
      out.push({
        x: a.x + (b.x - a.x) * s + tremor(t + e, r, ph),
        y: a.y + (b.y - a.y) * s + tremor(t + e, r, ph + 1),
        t: t + e,
      })
    }
    t += mt
    const stay = dwell[0] + (dwell[1] - dwell[0]) * r()
    for (let e = 0; e < stay; e += SAMPLE_MS)
      out.push({ x: b.x + tremor(t + e, r, ph), y: b.y + tremor(t + e, r, ph + 1), t: t + e })
    t += stay
  }
  return out
}

/** A shake around (x, y) along x: `hz` back-and-forths a second, ±`amp` px, for `ms`. */
export function shake(
  x: number,
  y: number,
  hz: number,
  amp: number,
  ms: number,
  r: () => number,
  t0 = 0,
): MotionSample[] {
  const out: MotionSample[] = []
  let phase = 0
  let a = amp
  const ph = r() * 6
  for (let e = 0; e <= ms; e += SAMPLE_MS) {
    // Each half period a new amplitude and a slightly different pace: people do not shake like a metronome.
    const before = Math.floor(phase / Math.PI)
    phase += 2 * Math.PI * hz * (0.85 + 0.3 * r()) * (SAMPLE_MS / 1000)
    if (Math.floor(phase / Math.PI) != before) a = amp * (0.75 + 0.5 * r())
    out.push({
      x: x + a * Math.sin(phase) + tremor(t0 + e, r, ph),
      y: y + 6 * Math.sin(phase / 2) + tremor(t0 + e, r, ph + 1),
      t: t0 + e,
    })
  }
  return out
}
