import type { ClickHouseClient } from '@clickhouse/client'
import type { GoalMatch } from '../issues/goalPatterns.ts'
import { RANGE_FILTER, type Range } from './range.ts'

/** One struggling session and what followed its first alert. */
export interface OutcomeSession {
  session: string
  /** Its first alert in the range, epoch ms. */
  alertAt: number
  /** The first offer's message ('' when no agent offered help). */
  message: string
  /** The visitor's latest answer to an offer: accepted, dismissed, or '' (none). */
  answer: string
  offered: boolean
  /** Reached a goal after the alert. */
  converted: boolean
  /** Page views after the alert. */
  pagesAfter: number
  /** From the alert to the session's last event, ms. */
  leaveMs: number
}

/** Sessions read at most: a month of a busy site's struggling sessions. */
const MAX_SESSIONS = 100_000

/**
 * Struggling sessions of a range (one or more alerts, held or not: each struggled) with
 * what agents offered (the offers and answers tables) and what followed the first alert: goals,
 * page views, the last event. What follows may lie past the range's end.
 */
export async function queryOutcomeSessions(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
): Promise<OutcomeSession[]> {
  const after = `site = {site:String} AND day >= toDate(fromUnixTimestamp64Milli({from:Int64}), 'UTC') AND ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')`
  const rs = await client.query({
    query: `WITH
      struggling AS (SELECT session, min(ts) AS alert_at FROM alerts FINAL WHERE ${RANGE_FILTER} GROUP BY session),
      offers AS (SELECT session, argMin(message, at) AS message FROM offers FINAL
        WHERE site = {site:String} AND at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') GROUP BY session),
      answers AS (SELECT session, argMax(answer, at) AS answer FROM offer_answers FINAL
        WHERE site = {site:String} AND at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') GROUP BY session),
      events AS (
        SELECT session, ts, 1 AS page, 0 AS goal, url FROM page_views FINAL WHERE ${after}
        UNION ALL SELECT session, ts, 0, 0, '' FROM signals FINAL WHERE ${after}
        UNION ALL SELECT session, ts, 0, 0, '' FROM clicks FINAL WHERE ${after}
        UNION ALL SELECT session, ts, 0, 0, '' FROM scroll_depth FINAL WHERE ${after}
        UNION ALL SELECT session, ts, 0, 1, '' FROM goals FINAL WHERE ${after} AND ({goal:String} = '' OR name = {goal:String})),
      followed AS (SELECT e.session AS session,
          countIf(e.page = 1 AND e.ts > s.alert_at) AS pages_after,
          max(e.ts) AS last_at,
          countIf(e.ts >= s.alert_at AND (e.goal = 1 OR (e.page = 1 AND notEmpty({patterns:Array(String)}) AND arrayExists(p -> match(path(e.url), p), {patterns:Array(String)})))) > 0 AS converted
        FROM events AS e INNER JOIN struggling AS s ON e.session = s.session GROUP BY e.session)
      SELECT s.session AS session, toUnixTimestamp64Milli(s.alert_at) AS alert_ms, o.message AS message, a.answer AS answer,
        o.session != '' AS offered, f.converted AS converted, f.pages_after AS pages_after,
        greatest(toInt64(0), toUnixTimestamp64Milli(greatest(f.last_at, s.alert_at)) - toUnixTimestamp64Milli(s.alert_at)) AS leave_ms
      FROM struggling AS s
      LEFT JOIN offers AS o ON o.session = s.session
      LEFT JOIN answers AS a ON a.session = s.session
      LEFT JOIN followed AS f ON f.session = s.session
      ORDER BY s.alert_at LIMIT ${MAX_SESSIONS}
      SETTINGS join_use_nulls = 0`,
    query_params: { ...range, goal: goals.goal, patterns: goals.patterns },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    session: string
    alert_ms: string | number
    message: string
    answer: string
    offered: number
    converted: number
    pages_after: string | number
    leave_ms: string | number
  }>()
  return rows.map((r) => ({
    session: r.session,
    alertAt: Number(r.alert_ms),
    message: r.message,
    answer: r.answer,
    offered: Boolean(r.offered),
    converted: Boolean(r.converted),
    pagesAfter: Number(r.pages_after),
    leaveMs: Number(r.leave_ms),
  }))
}
