/** A web vital's rating, in web.dev's words. */
export type Rating = 'good' | 'needs-improvement' | 'poor'

/**
 * web.dev's thresholds at p75: good up to the first figure, poor above the
 * second (LCP and INP in ms, CLS unitless). https://web.dev/articles/vitals
 */
export const VITAL_THRESHOLDS = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
} as const satisfies Record<string, readonly [number, number]>

export type VitalName = keyof typeof VITAL_THRESHOLDS

/** The rating of a p75 value: the thresholds themselves still rate the better way, as web-vitals does. */
export function vitalsRating(name: VitalName, p75: number): Rating {
  const [good, poor] = VITAL_THRESHOLDS[name]
  return p75 <= good ? 'good' : p75 <= poor ? 'needs-improvement' : 'poor'
}

/** A vital's value as people quote it: `2.6 s`, `180 ms`, `0.12`. */
export function formatVital(name: VitalName, value: number): string {
  if (name === 'CLS') return (Math.round(value * 100) / 100).toFixed(2)
  if (name === 'LCP' && value >= 1000) return `${(Math.round(value / 100) / 10).toFixed(1)} s`
  return `${Math.round(value)} ms`
}
