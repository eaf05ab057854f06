const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * A span of time as agents read it at a glance: `40 s`, `4 min`, `1 h 5 min`.
 * Rounds down, so "1 min" is never shown for 50 s; negative spans (clock skew) read as `0 s`.
 */
export function duration(ms: number): string {
  const v = Math.max(0, Number.isFinite(ms) ? ms : 0)
  if (v < MINUTE) return `${Math.floor(v / 1000)} s`
  if (v < HOUR) return `${Math.floor(v / MINUTE)} min`
  const h = Math.floor(v / HOUR)
  const m = Math.floor((v % HOUR) / MINUTE)
  return m ? `${h} h ${m} min` : `${h} h`
}

/**
 * Time on site as of an alert: from the session's first page view to the
 * later of the alert and its newest page view. Null while the pages are unknown.
 */
export function timeOnSite(firstSeen: number | null, alertTs: number, lastPageTs = 0): number | null {
  if (firstSeen === null) return null
  return Math.max(alertTs, lastPageTs) - firstSeen
}
