import type { SignalType } from '@wince/snippet/wire'

/** Stop counting one element's signals of one type on one page path (they are still stored, flagged). */
export interface SuppressSpec {
  /** Page path, as issues group it (`issuePath`). */
  url: string
  selector: string
  type: SignalType
}

/** Tune the struggle score of a site: a threshold, weights of some types (the others keep theirs). */
export interface TuneSpec {
  threshold?: number
  weights?: Partial<Record<SignalType, number>>
}

export type RuleStatus = 'applied' | 'rejected' | 'reverted'

/** An admin's latest decision on one of Wince's proposals. */
export type Rule = {
  site: string
  /** For a suppression, the issue id of its page path, element and type; for a tuning, `tune-` and a hash of what it sets. */
  id: string
  status: RuleStatus
  /** Why, in the admin's words (or the proposal's when they left it). */
  why: string
  by: string
  /** When decided, epoch ms. */
  at: number
} & ({ kind: 'suppress'; spec: SuppressSpec } | { kind: 'tune'; spec: TuneSpec })
