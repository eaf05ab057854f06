/** z for a two-sided 95 % interval. */
const Z95 = 1.959964

/**
 * Fewest sessions on each side (met the issue / viewed the page without it) for an impact
 * figure. Below this a single conversion moves a rate by 20 points or more, and the
 * interval spans most of [−1, 1]: a number would look more certain than it is.
 */
export const MIN_SESSIONS_PER_SIDE = 5

/** What an issue costs in conversions, with a 95 % interval. */
export interface Impact {
  /** The goal measured ('any' when every goal counts). */
  goal: string
  affectedSessions: number
  /** Share of the sessions that met the issue that converted, 0–1. */
  affectedConversion: number
  /** Sessions that viewed the same page without meeting the issue. */
  baselineSessions: number
  /** Their conversion rate, 0–1. */
  baselineConversion: number
  /** affectedSessions × (baselineConversion − affectedConversion); negative when they converted more. */
  lostConversions: number
  /** 95 % interval of lostConversions (Newcombe's hybrid score interval of the difference of rates, × affectedSessions). */
  low: number
  high: number
  /** affectedSessions × (baseline − affected goal value per session), when goals carry values; else null. */
  lostValue: number | null
}

/** Sessions and conversions of one side. */
export interface Side {
  sessions: number
  converted: number
  /** Sum of the goal values of its conversions. */
  value: number
}

/** Wilson score interval of a proportion `k/n` at 95 %. */
export function wilson(k: number, n: number): [number, number] {
  const p = k / n
  const z2 = Z95 * Z95
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

/**
 * The impact of an issue, or why there is none. Compares the conversion of the sessions
 * that met it (`affected`) with that of the sessions that viewed the same page without it
 * (`baseline`). The interval of the difference of the two rates is Newcombe's hybrid score
 * method (his method 10, 1998), built from the two Wilson intervals: it stays inside
 * [−1, 1] and keeps its coverage for small samples and rates near 0 or 1, where the
 * textbook Wald interval fails. A correlation, not proof: visitors who meet a broken
 * element may differ from those who don't in ways that also change whether they buy.
 */
export function impact(goal: string, affected: Side, baseline: Side): { impact: Impact | null; reason: string | null } {
  if (affected.sessions < MIN_SESSIONS_PER_SIDE || baseline.sessions < MIN_SESSIONS_PER_SIDE) {
    return {
      impact: null,
      reason: `too few sessions to compare: ${affected.sessions} met the issue and ${baseline.sessions} viewed the page without it; at least ${MIN_SESSIONS_PER_SIDE} of each are needed`,
    }
  }
  if (affected.converted + baseline.converted === 0) {
    return {
      impact: null,
      reason: `no session that viewed this page reached ${goal === 'any' ? 'a goal' : `the goal "${goal}"`}: define goals in the site settings or call wince('goal', name)`,
    }
  }
  const pa = affected.converted / affected.sessions
  const pb = baseline.converted / baseline.sessions
  const [la, ua] = wilson(affected.converted, affected.sessions)
  const [lb, ub] = wilson(baseline.converted, baseline.sessions)
  const d = pb - pa
  const low = d - Math.sqrt((pb - lb) ** 2 + (ua - pa) ** 2)
  const high = d + Math.sqrt((ub - pb) ** 2 + (pa - la) ** 2)
  const n = affected.sessions
  const valued = affected.value > 0 || baseline.value > 0
  return {
    impact: {
      goal,
      affectedSessions: n,
      affectedConversion: round(pa, 4),
      baselineSessions: baseline.sessions,
      baselineConversion: round(pb, 4),
      lostConversions: round(n * d, 2),
      low: round(n * low, 2),
      high: round(n * high, 2),
      lostValue: valued ? round(n * (baseline.value / baseline.sessions - affected.value / n), 2) : null,
    },
    reason: null,
  }
}
