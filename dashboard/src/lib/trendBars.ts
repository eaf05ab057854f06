/** One point of the collector's trend: signals of one type in the bucket starting at `t`. */
export interface TrendPoint {
  t: number
  type: string
  n: number
}

/** One bar of the stacked chart: a bucket, its segments bottom-up, and its total. */
export interface TrendBar {
  t: number
  total: number
  segments: Array<{ type: string; n: number; y0: number }>
}

/**
 * Stacked bars for every bucket from `from` to `to` (empty buckets included,
 * so a quiet hour shows as a gap, not as missing), types stacked in `order`.
 */
export function trendBars(
  points: readonly TrendPoint[],
  order: readonly string[],
  from: number,
  to: number,
  bucketMs: number,
): TrendBar[] {
  const byBucket = new Map<number, Map<string, number>>()
  for (const p of points) {
    const m = byBucket.get(p.t) ?? new Map<string, number>()
    m.set(p.type, (m.get(p.type) ?? 0) + p.n)
    byBucket.set(p.t, m)
  }
  const bars: TrendBar[] = []
  const first = Math.floor(from / bucketMs) * bucketMs
  for (let t = first; t < to; t += bucketMs) {
    const m = byBucket.get(t)
    let y0 = 0
    const segments: TrendBar['segments'] = []
    for (const type of order) {
      const n = m?.get(type) ?? 0
      if (n <= 0) continue
      segments.push({ type, n, y0 })
      y0 += n
    }
    bars.push({ t, total: y0, segments })
  }
  return bars
}

/** A round axis maximum at or above `max`: 1, 2 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(max))
  return ([1, 2, 5, 10].find((m) => m * p >= max) ?? 10) * p
}
