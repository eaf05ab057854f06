import type { Reason, SignalType } from '../wire'

/**
 * Points each signal adds. Calibrated against the threshold: a dead click alone (4) is
 * not struggle, a rage click with the dead click on the same element (6 + 4) is, and so
 * is a strong thrash (two thrash verdicts in a row, 6 + 6). Error clicks and rage weigh
 * most: the visitor is hitting a broken control. A quick back or a bout of excessive
 * scrolling is weak on its own (people change their minds), strong with company.
 */
export const WEIGHTS: Record<SignalType, number> = {
  rage_click: 6,
  dead_click: 4,
  error_click: 6,
  mouse_thrash: 6,
  excessive_scroll: 4,
  quick_back: 4,
  form_struggle: 6,
}

/** Score at which the session is struggling (see WEIGHTS for what reaches it). */
export const STRUGGLE_THRESHOLD = 8

/**
 * The episode ends once the score decays below this share of the threshold; only then
 * can a new episode alert. The gap (hysteresis) keeps one bad minute to one alert.
 */
export const STRUGGLE_RESET_RATIO = 0.5

/**
 * Half-life of a signal's points. A minute ties together the signals of one bad
 * moment on a page (a rage burst, a retry, a thrash) while a dead click noticed ten
 * minutes ago no longer counts (~1/1000 of its weight).
 */
export const STRUGGLE_HALF_LIFE_MS = 60_000

/** Reasons kept in an alert, strongest first: what support staff can read at a glance. */
export const STRUGGLE_MAX_REASONS = 5

/** What the score remembers of a signal: a reason whose `pts` are its points when it happened. */
export type Contribution = Reason

/** The score's state, small enough to keep in sessionStorage between pages. */
export interface ScoreState {
  c: Contribution[]
  /** An episode is on: no new alert until the score falls below the reset level. */
  on: boolean
}

/** A struggle episode starts: what the page's `struggle` callbacks receive. */
export interface Struggle {
  score: number
  reasons: Reason[]
}

/** Tuning, from `data-struggle-threshold` or `wince('config', …)`. */
export interface ScoreTuning {
  /** Points per signal type; missing types keep {@link WEIGHTS}. */
  weights?: Partial<Record<SignalType, number>>
  /** Struggle threshold, default {@link STRUGGLE_THRESHOLD}. */
  threshold?: number
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * The struggle score, pure and explainable: each signal adds its weight, which halves
 * every {@link STRUGGLE_HALF_LIFE_MS}; crossing the threshold starts an episode and
 * returns one {@link Struggle}; the episode ends below the reset level.
 * Works on `s` in place, so the caller can persist it.
 */
export function createStruggleScore(s: ScoreState) {
  const weights = { ...WEIGHTS }
  let threshold = STRUGGLE_THRESHOLD
  const pts = (c: Contribution, now: number) => c.pts * 0.5 ** ((now - c.t) / STRUGGLE_HALF_LIFE_MS)
  const score = (now: number) => s.c.reduce((sum, c) => sum + pts(c, now), 0)
  return {
    /** Current score at `now` (epoch ms). */
    score,
    /** Changes weights and threshold; bad values are ignored. */
    tune(o: ScoreTuning) {
      for (const k in weights) {
        // for…in over the weights' own keys, which are signal types.
        const w = o.weights?.[k as SignalType]
        // `undefined >= 0` is false: a weight not given stays as it is.
        if (w! >= 0) weights[k as SignalType] = w!
      }
      // `undefined > 0` is false: no threshold, no change (fewer bytes than a check).
      if (o.threshold! > 0) threshold = o.threshold!
    },
    /** Adds a signal at `now` (epoch ms); returns the struggle when an episode starts. */
    add(g: Omit<Contribution, 'pts'>, now: number): Struggle | undefined {
      // Forget what no longer counts, so the state stays a handful of entries.
      s.c = s.c.filter((c) => pts(c, now) >= 0.05)
      if (s.on && score(now) < threshold * STRUGGLE_RESET_RATIO) s.on = false
      s.c.push({ type: g.type, sel: g.sel, lb: g.lb, t: g.t, n: g.n, pts: weights[g.type] })
      const sc = score(now)
      if (s.on || sc < threshold) return
      s.on = true
      return {
        score: round1(sc),
        reasons: s.c
          .map((c) => ({ ...c, pts: round1(pts(c, now)) }))
          .sort((a, b) => b.pts - a.pts)
          .slice(0, STRUGGLE_MAX_REASONS),
      }
    },
  }
}

export type StruggleScore = ReturnType<typeof createStruggleScore>
