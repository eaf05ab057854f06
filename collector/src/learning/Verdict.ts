import type { SignalType } from '@wince/snippet/wire'

/** Why an agent said "not a problem" (or '' when they did not say). */
export const VERDICT_REASONS = ['works_as_designed', 'visitor_was_fine', 'test_traffic', 'other'] as const
export type VerdictReason = (typeof VERDICT_REASONS)[number]

/**
 * One verdict per agent and alert: an agent who changes their mind (or dismisses an
 * alert and also marks it) counts once, with their latest word. Verdicts on issue
 * rows (no alert) all count. Keeps the order of `verdicts` (oldest first).
 */
export function latestPerAlert(verdicts: readonly Verdict[]): Verdict[] {
  const latest = new Map<string, Verdict>()
  for (const v of verdicts) if (v.alertId) latest.set(`${v.alertId}\n${v.by}`, v)
  return verdicts.filter((v) => !v.alertId || latest.get(`${v.alertId}\n${v.by}`) === v)
}

/** An agent's word on a problem: `real` (a real problem) or `not` (not a problem). */
export interface Verdict {
  site: string
  /** The issue id of (page path, element, signal type). */
  issue: string
  /** Page path. */
  url: string
  selector: string
  type: SignalType
  /** The alert it was given on ('' when on an issue row). */
  alertId: string
  verdict: 'real' | 'not'
  reason: VerdictReason | ''
  by: string
  /** Epoch ms. */
  at: number
}
