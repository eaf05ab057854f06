import type { SignalType } from '@wince/snippet/wire'

/** Why an agent said "not a problem" (or '' when they did not say). */
export const VERDICT_REASONS = ['works_as_designed', 'visitor_was_fine', 'test_traffic', 'other'] as const
export type VerdictReason = (typeof VERDICT_REASONS)[number]

/**
 * One verdict per agent and alert, and per agent and issue row: an agent who changes
 * their mind (or dismisses an alert and also marks it, or clicks a row again) counts once,
 * with their latest word. Keeps the order of `verdicts` (oldest first).
 */
export function latestPerAlert(verdicts: readonly Verdict[]): Verdict[] {
  const key = (v: Verdict) => (v.alertId ? `a\n${v.alertId}\n${v.by}` : `i\n${v.issue}\n${v.by}`)
  const latest = new Map<string, Verdict>()
  for (const v of verdicts) latest.set(key(v), v)
  return verdicts.filter((v) => latest.get(key(v)) === v)
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
