import { wilson } from '../issues/impact.ts'
import type { OutcomeSession } from '../queries/queryOutcomeSessions.ts'

/**
 * Sessions a group needs before its conversion is compared: below it the interval
 * spans most of 0–100 % and the group is reported as a small sample.
 */
export const OUTCOME_MIN_SESSIONS = 10

/** How a struggling session went, by what help it got. */
export type OutcomeGroup = 'accepted' | 'declined' | 'unanswered' | 'not_offered'

/** The figures of one group of struggling sessions. */
export interface OutcomeFigures {
  sessions: number
  converted: number
  /** converted / sessions, null for an empty group. */
  conversion: number | null
  /** 95 % Wilson interval of the conversion. */
  low: number | null
  high: number | null
  /** Median page views after the alert, and median time from the alert to the last event (ms). */
  medianPagesAfter: number | null
  medianLeaveMs: number | null
  /** Fewer than {@link OUTCOME_MIN_SESSIONS} sessions: figures shown, not to be compared. */
  small: boolean
}

export interface Outcomes {
  groups: Record<OutcomeGroup, OutcomeFigures>
  /** Offered sessions per agent message (the first offer's), with how they answered. */
  messages: Array<{ message: string; accepted: number; declined: number; unanswered: number } & OutcomeFigures>
  /** Struggling sessions in all. */
  sessions: number
}

const round = (n: number) => Math.round(n * 1000) / 1000

function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  // s is not empty (checked above) and mid is within it.
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** The figures of a group of sessions. */
export function figures(list: readonly OutcomeSession[]): OutcomeFigures {
  const n = list.length
  const converted = list.filter((s) => s.converted).length
  const [low, high] = n ? wilson(converted, n) : [null, null]
  return {
    sessions: n,
    converted,
    conversion: n ? round(converted / n) : null,
    low: low === null ? null : round(low),
    high: high === null ? null : round(high),
    medianPagesAfter: median(list.map((s) => s.pagesAfter)),
    medianLeaveMs: median(list.map((s) => s.leaveMs)),
    small: n < OUTCOME_MIN_SESSIONS,
  }
}

/** Which group a session falls in: no offer, or the visitor's answer to it. */
export function groupOf(s: OutcomeSession): OutcomeGroup {
  if (!s.offered) return 'not_offered'
  return s.answer === 'accepted' ? 'accepted' : s.answer === 'dismissed' ? 'declined' : 'unanswered'
}

/** Struggling sessions compared by the help they got: counts, conversion with its interval, pages after, time to leave. */
export function outcomes(sessions: readonly OutcomeSession[]): Outcomes {
  const by = (g: OutcomeGroup) => sessions.filter((s) => groupOf(s) === g)
  const messages = [...new Set(sessions.filter((s) => s.offered).map((s) => s.message))].map((message) => {
    const list = sessions.filter((s) => s.offered && s.message === message)
    const count = (g: OutcomeGroup) => list.filter((s) => groupOf(s) === g).length
    return {
      message,
      accepted: count('accepted'),
      declined: count('declined'),
      unanswered: count('unanswered'),
      ...figures(list),
    }
  })
  return {
    groups: {
      accepted: figures(by('accepted')),
      declined: figures(by('declined')),
      unanswered: figures(by('unanswered')),
      not_offered: figures(by('not_offered')),
    },
    messages: messages.sort((a, b) => b.sessions - a.sessions || a.message.localeCompare(b.message)),
    sessions: sessions.length,
  }
}
