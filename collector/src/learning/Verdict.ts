import type { SignalType } from '@wince/snippet/wire'

/** Why an agent said "not a problem" (or '' when they did not say). */
export const VERDICT_REASONS = ['works_as_designed', 'visitor_was_fine', 'test_traffic', 'other'] as const
export type VerdictReason = (typeof VERDICT_REASONS)[number]

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
