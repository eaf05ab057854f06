/** An RGBA colour, each channel 0–255. */
export type Rgba = [number, number, number, number]

/**
 * The classic heat palette's stops, from cold to hot: transparent blue, blue,
 * cyan, green, yellow, red. Low densities stay see-through so the page shows
 * under a light sprinkle of clicks.
 */
const STOPS: ReadonlyArray<readonly [at: number, color: Rgba]> = [
  [0, [0, 0, 255, 0]],
  [0.2, [0, 0, 255, 128]],
  [0.4, [0, 255, 255, 170]],
  [0.6, [0, 255, 0, 200]],
  [0.8, [255, 255, 0, 220]],
  [1, [255, 0, 0, 235]],
]

/** The palette colour for a density 0–1 (clamped), linearly mixed between the two nearest stops, channels rounded. */
export function heatColor(t: number): Rgba {
  const v = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0))
  for (let i = 1; i < STOPS.length; i++) {
    // i < STOPS.length.
    const [at, hi] = STOPS[i]!
    if (v > at) continue
    // i ≥ 1.
    const [from, lo] = STOPS[i - 1]!
    // Rounded so a midpoint (0.3 → 0.49999…) mixes to the half it reads as.
    const f = Math.round(((v - from) / (at - from)) * 1e6) / 1e6
    // Colours have four channels (c < 4); the map gives four numbers, an Rgba.
    return [0, 1, 2, 3].map((c) => Math.round(lo[c]! + (hi[c]! - lo[c]!) * f)) as Rgba
  }
  // STOPS is a non-empty list of Rgba stops; the copy is an Rgba too.
  return [...STOPS[STOPS.length - 1]![1]] as Rgba
}

/** 256 palette colours, one per alpha level of the grey density canvas, as a flat RGBA array. */
export function heatLookup(): Uint8ClampedArray {
  const out = new Uint8ClampedArray(256 * 4)
  for (let a = 0; a < 256; a++) out.set(heatColor(a / 255), a * 4)
  return out
}

/**
 * How strongly a spot with `clicks` is stamped, 0–1, against the busiest spot
 * `max`. Square root rather than linear: one element with thousands of clicks
 * must not wash every other spot out to nothing. A spot with any click gets at
 * least {@link MIN_WEIGHT} so it stays visible.
 */
export function spotWeight(clicks: number, max: number): number {
  if (clicks <= 0 || max <= 0) return 0
  return Math.max(MIN_WEIGHT, Math.min(1, Math.sqrt(clicks / max)))
}

/** The faintest stamp: below this a single click vanishes into the transparent end of the palette. */
export const MIN_WEIGHT = 0.15
