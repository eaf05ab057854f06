import type { ClickHouseClient } from '@clickhouse/client'
import type { Range } from './range.ts'
import type { IssueCounts } from './queryIssueCountsRaw.ts'
import type { CountPart } from './issueCountParts.ts'
import { queryRolledDays } from './queryRolledDays.ts'
import { queryRolledTotals } from './queryRolledTotals.ts'
import { queryUnrolledCounts } from './queryUnrolledCounts.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/** The per-hour tables' grain (`session_pages.hour`, 0010): the hours at either end of a range are read there. */
const HOUR_MS = 3_600_000
/** The per-day tables' grain (`page_day_sessions.day`, 0015): whole UTC days of a range are read there. */
const DAY_MS = 86_400_000

/** Whole units of `ms` inside a range, `[from, to)` in epoch seconds; empty (`from >= to`) when it holds none. */
const whole = (range: Range, ms: number) => ({
  from: (Math.ceil(range.from / ms) * ms) / 1000,
  to: (Math.floor(range.to / ms) * ms) / 1000,
})

/** Whole hours of a range, `[from, to)` in epoch seconds; empty (`from >= to`) when it holds none. */
export function wholeHours(range: Range): { hourFrom: number; hourTo: number } {
  const h = whole(range, HOUR_MS)
  return { hourFrom: h.from, hourTo: h.to }
}

/** Whole UTC days of a range, `[from, to)` in epoch seconds; empty (`from >= to`) when it holds none. */
export function wholeDays(range: Range): { dayFrom: number; dayTo: number } {
  const d = whole(range, DAY_MS)
  return { dayFrom: d.from, dayTo: d.to }
}

/**
 * The figures of `queryIssueCountsRaw` (same rows, same order), read from finished counts
 * where it can. Whole UTC days of the range come from the roll-up of 0016 (a few rows per
 * page, issue and day, written by `IssueRollup`) where it holds for the day; the rest of
 * the range (whole days not rolled up, or rolled before late events; the hours and
 * minutes at either end) is read as queryUnrolledCounts.ts says. The two parts are read
 * at once and added up here: each counts session-days, so they add.
 *
 * A session-day is the unit: a session that views a page (or meets an issue) on both
 * sides of midnight counts twice in a range holding both days, where the raw query counts
 * it once, and it counts as converted on a day when it reached the goal that day. Without
 * sessions across midnight UTC the figures are the raw query's.
 */
export async function queryIssueCounts(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
  limit = 200,
): Promise<IssueCounts[]> {
  const days = wholeDays(range)
  const rolledDays = await queryRolledDays(client, range.site, days, goals)
  const rolled = new Set(rolledDays)
  const slowDays: string[] = []
  for (let t = days.dayFrom * 1000; t < days.dayTo * 1000; t += DAY_MS) {
    const d = new Date(t).toISOString().slice(0, 10)
    if (!rolled.has(d)) slowDays.push(d)
  }
  const parts = await Promise.all([
    queryRolledTotals(client, range.site, rolledDays, goals),
    queryUnrolledCounts(client, range, goals, { ...wholeHours(range), ...days, slowDays }),
  ])
  return addUp(parts.flat(), limit)
}

/** Byte order, as ClickHouse sorts strings (the raw query's order). */
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Parts added up per issue and per page; the `limit` issues with the most sessions, as the raw query ranks them. */
function addUp(parts: CountPart[], limit: number): IssueCounts[] {
  const issues = new Map<string, CountPart>()
  const pages = new Map<string, CountPart>()
  for (const p of parts) {
    const into = p.kind === 'page' ? pages : issues
    const sum = into.get(p.key)
    if (!sum) into.set(p.key, { ...p })
    else {
      sum.sessions += p.sessions
      sum.signals += p.signals
      sum.converted += p.converted
      sum.value += p.value
      sum.first = Math.min(sum.first, p.first)
      sum.last = Math.max(sum.last, p.last)
      if (byBytes(p.url, sum.url) < 0) sum.url = p.url
    }
  }
  return [...issues.values()]
    .sort(
      (a, b) =>
        b.sessions - a.sessions ||
        byBytes(a.page, b.page) ||
        byBytes(a.selector, b.selector) ||
        byBytes(a.type, b.type),
    )
    .slice(0, limit)
    .map((i) => {
      const page = pages.get(i.page)
      return {
        path: i.page,
        selector: i.selector,
        type: i.type,
        label: i.label,
        url: i.url,
        sessions: i.sessions,
        signals: i.signals,
        firstSeen: i.first,
        lastSeen: i.last,
        converted: i.converted,
        value: i.value,
        pageSessions: page?.sessions ?? 0,
        pageConverted: page?.converted ?? 0,
        pageValue: page?.value ?? 0,
      }
    })
}
