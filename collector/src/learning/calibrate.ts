import { createHash } from 'node:crypto'
import type { Reason, SignalType } from '@wince/snippet/wire'
import { wilson } from '../issues/impact.ts'
import type { Tuning } from './Learning.ts'
import type { TuneSpec } from './Rule.ts'
import type { Verdict } from './Verdict.ts'

/** Verdicts on a type before its precision is worth a proposal: fewer are a small sample, shown as such. */
export const CALIBRATION_MIN_VERDICTS = 5

/** Below this precision (share of "real problem"), alerts of a type page agents more often wrongly than rightly. */
export const CALIBRATION_LOW_PRECISION = 0.5

/** A weight is lowered by this much at a time: a step the team can watch, not a leap. */
export const WEIGHT_STEP = 2

/** The threshold is raised by this much at a time (a quarter of the default 8). */
export const THRESHOLD_STEP = 2

/** Estimated precision of one signal type's alerts from the verdicts on them. */
export interface Precision {
  type: SignalType | 'all'
  real: number
  not: number
  /** real / (real + not), null with no verdict. */
  precision: number | null
  /** 95 % Wilson interval. */
  low: number | null
  high: number | null
  /** Fewer than {@link CALIBRATION_MIN_VERDICTS} verdicts: shown, not acted on. */
  small: boolean
}

/** A stored alert, as the simulation needs it. */
export interface PastAlert {
  id: string
  ts: number
  url: string
  score: number
  reasons: Reason[]
  /** The weights it was scored with (its `explain`), when known; else the defaults. */
  weights?: Partial<Record<SignalType, number>>
}

/** A proposed tuning, with the alerts it would have silenced. */
export interface TuneProposal {
  id: string
  kind: 'tune'
  spec: TuneSpec
  why: string
  /** The verdicts it came from: counts per verdict. */
  basis: Precision
  /** Alerts of the period that would not have fired under it, with the score they would have had. */
  wouldNotFire: Array<{ id: string; ts: number; url: string; score: number; newScore: number }>
  /** Alerts of the period looked at. */
  alerts: number
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d

function precisionOf(type: Precision['type'], list: readonly Verdict[]): Precision {
  const real = list.filter((v) => v.verdict === 'real').length
  const n = list.length
  const [low, high] = n ? wilson(real, n) : [null, null]
  return {
    type,
    real,
    not: n - real,
    precision: n ? round(real / n) : null,
    low: low === null ? null : round(low),
    high: high === null ? null : round(high),
    small: n < CALIBRATION_MIN_VERDICTS,
  }
}

/** Per signal type (and all together), the precision of alerts that verdicts estimate. */
export function precisions(verdicts: readonly Verdict[]): Precision[] {
  const types = [...new Set(verdicts.map((v) => v.type))].sort()
  return [
    ...types.map((t) =>
      precisionOf(
        t,
        verdicts.filter((v) => v.type === t),
      ),
    ),
    precisionOf('all', verdicts),
  ]
}

/**
 * Which past alerts would not have fired under `spec`: each reason's points scale
 * with its type's new weight over the weight it was scored with (points are weight
 * times decay), and the sum is held against the new threshold. An estimate: an alert
 * kept at most its five strongest reasons, and a session that did not fire then
 * might have fired a little later.
 */
export function simulate(spec: TuneSpec, tuning: Tuning, alerts: readonly PastAlert[]): TuneProposal['wouldNotFire'] {
  const threshold = spec.threshold ?? tuning.threshold
  const out: TuneProposal['wouldNotFire'] = []
  for (const a of alerts) {
    let score = 0
    for (const r of a.reasons) {
      const was = a.weights?.[r.type] ?? tuning.weights[r.type]
      const now = spec.weights?.[r.type] ?? tuning.weights[r.type]
      score += was > 0 ? (r.pts * now) / was : 0
    }
    if (score < threshold) out.push({ id: a.id, ts: a.ts, url: a.url, score: a.score, newScore: round(score, 1) })
  }
  return out
}

/**
 * Tunings Wince proposes from the verdicts: for a type whose alerts were mostly not
 * a problem (precision below {@link CALIBRATION_LOW_PRECISION}, enough verdicts),
 * lower its weight by {@link WEIGHT_STEP}; when all alerts together were, raise the
 * threshold by {@link THRESHOLD_STEP}. Each comes with the alerts of `alerts` it would
 * have silenced. Proposals already decided (same id) are left out by the caller.
 */
export function proposeTunings(
  verdicts: readonly Verdict[],
  tuning: Tuning,
  alerts: readonly PastAlert[],
): TuneProposal[] {
  const out: TuneProposal[] = []
  const add = (spec: TuneSpec, why: string, basis: Precision) =>
    out.push({
      id: `tune-${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 12)}`,
      kind: 'tune',
      spec,
      why,
      basis,
      wouldNotFire: simulate(spec, tuning, alerts),
      alerts: alerts.length,
    })
  for (const p of precisions(verdicts)) {
    if (p.small || p.precision === null || p.precision >= CALIBRATION_LOW_PRECISION) continue
    if (p.type === 'all') {
      const to = tuning.threshold + THRESHOLD_STEP
      add(
        { threshold: to },
        `alerts were "not a problem" ${p.not} times out of ${p.real + p.not}: raise the threshold from ${tuning.threshold} to ${to}?`,
        p,
      )
    } else {
      const from = tuning.weights[p.type]
      const to = Math.max(1, from - WEIGHT_STEP)
      if (to === from) continue
      add(
        { weights: { [p.type]: to } },
        `${p.type.replace('_', ' ')} alerts were "not a problem" ${p.not} times out of ${p.real + p.not}: lower its weight from ${from} to ${to}?`,
        p,
      )
    }
  }
  return out
}
