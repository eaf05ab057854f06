import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { issuePathSql } from './segment.ts'
import { toIssueCounts, type IssueCountRow, type IssueCounts } from './queryIssueCountsRaw.ts'
import { queryRolledDays } from './queryRolledDays.ts'
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

const IN_HOURS = `ts >= toDateTime({hourFrom:Int64}, 'UTC') AND ts < toDateTime({hourTo:Int64}, 'UTC')`
const IN_DAYS = (col: string) =>
  `${col} >= toDateTime({dayFrom:Int64}, 'UTC') AND ${col} < toDateTime({dayTo:Int64}, 'UTC')`
/** Whole days of the range not rolled up, in the per-day tables. */
const DAYS = `site = {site:String} AND day IN {slowDays:Array(Date)}`
/** Whole hours of the range in the per-hour tables. */
const HOURS = `site = {site:String} AND hour >= toDateTime({hourFrom:Int64}, 'UTC') AND hour < toDateTime({hourTo:Int64}, 'UTC')`
/** Raw rows the per-hour tables do not answer: those of the range outside its whole hours. */
const MINUTES = `${RANGE_FILTER} AND NOT (${IN_HOURS})`
/** The range's edges: hours of the per-hour tables outside whole days. */
const EDGE_HOURS = `${HOURS} AND NOT (${IN_DAYS('hour')})`

/**
 * The figures of `queryIssueCountsRaw` (same rows, same order), read from finished counts
 * where it can. Whole UTC days of the range come from the roll-up of 0016 (a few rows
 * per page and issue and day, written by `IssueRollup`) where it holds for the day, else
 * from the per-day tables of 0015 (one row per (day, page, session) and per (day, issue,
 * session), so sessions are counted as rows and add up across days). The hours at either
 * end that are not whole days come from the per-hour tables of 0010, the minutes outside
 * whole hours from the raw events, so any range is covered exactly; they are grouped to
 * the same (day, …, session) rows.
 *
 * A session-day is the unit: a session that views a page (or meets an issue) on both
 * sides of midnight counts twice in a range holding both days, where the raw query counts
 * it once, and it counts as converted on a day when it reached the goal that day. Without
 * sessions across midnight UTC the figures are the raw query's.
 *
 * The converted session-days of the days not rolled up are joined once to
 * `session_days` (one probe per session and day, not per page or issue); their pages and
 * issues are counted in one pass into a scalar keyed by the page's or the issue's hash,
 * with the roll-up's converted counts added, which the final rows look up with
 * `transform` (a scalar is computed once per query, where a CTE is computed again for
 * every use).
 */
export async function queryIssueCounts(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
  limit = 200,
): Promise<IssueCounts[]> {
  const days = wholeDays(range)
  const rolledDays = await queryRolledDays(client, range.site, days, goals)
  const rolledSet = new Set(rolledDays)
  const slowDays: string[] = []
  for (let t = days.dayFrom * 1000; t < days.dayTo * 1000; t += DAY_MS) {
    const d = new Date(t).toISOString().slice(0, 10)
    if (!rolledSet.has(d)) slowDays.push(d)
  }
  const path = issuePathSql('url')
  // Only URL goals make the page views a source of conversions: no scan for them otherwise.
  // `multiMatchAny` on the paths' dictionary matches each distinct path once, not every row.
  const urlGoals = goals.patterns.length
    ? `UNION ALL SELECT toDate(hour), session, 0 FROM session_pages WHERE ${HOURS} AND (NOT (${IN_DAYS('hour')}) OR toDate(hour) IN {slowDays:Array(Date)})
         AND multiMatchAny(path, {patterns:Array(String)})
       UNION ALL SELECT toDate(ts), cityHash64(session), 0 FROM page_views WHERE ${MINUTES} AND multiMatchAny(path(url), {patterns:Array(String)})`
    : ''
  const rolled = `SELECT kind, key, page, selector, type, label, url, sessions, signals, first, last, converted, value
    FROM issue_day_totals FINAL
    WHERE site = {site:String} AND day IN {rolledDays:Array(Date)} AND goal = {goal:String} AND patterns = cityHash64({patterns:Array(String)})
      AND kind != 'day' AND (day, rolled) IN (
        SELECT day, rolled FROM issue_day_totals FINAL
        WHERE site = {site:String} AND day IN {rolledDays:Array(Date)} AND goal = {goal:String} AND patterns = cityHash64({patterns:Array(String)}) AND kind = 'day'
      )`
  const rs = await client.query({
    query: `WITH
      conv AS (
        SELECT day, session, sum(value) AS value FROM (
          SELECT toDate(ts) AS day, cityHash64(session) AS session, value FROM goals FINAL
          WHERE ${RANGE_FILTER} AND day NOT IN {rolledDays:Array(Date)} AND ({goal:String} = '' OR name = {goal:String})
          ${urlGoals}
        ) GROUP BY day, session
      ),
      edge_hits AS (
        SELECT toDate(ts) AS day, page, selector, type, session, id, ts, label, url FROM session_hits WHERE ${EDGE_HOURS}
        UNION ALL
        SELECT toDate(ts), ${path}, selector, type, cityHash64(session), cityHash64(id), ts, label, url
        FROM signals WHERE ${MINUTES} AND selector != ''
      ),
      edge_views AS (
        SELECT toDate(hour) AS day, page, session FROM session_pages WHERE ${EDGE_HOURS}
        UNION ALL
        SELECT toDate(ts), ${path}, cityHash64(session) FROM page_views WHERE ${MINUTES}
        UNION ALL
        SELECT day, page, session FROM edge_hits
      ),
      meetings AS (
        SELECT issue, page, selector, type, length(ids) AS signals, first, last, label, url FROM issue_day_sessions FINAL WHERE ${DAYS}
        UNION ALL
        SELECT cityHash64(page, selector, type) AS issue, any(page), any(selector), any(type), uniqExact(id), min(ts), max(ts), any(label), min(url)
        FROM edge_hits GROUP BY day, issue, session
      ),
      viewers AS (
        SELECT page FROM page_day_sessions FINAL WHERE ${DAYS}
        UNION ALL
        SELECT page FROM (SELECT DISTINCT day, page, session FROM edge_views)
      ),
      converted AS (
        SELECT keys, value FROM (
          SELECT day, session, arrayConcat(pages, issues) AS keys FROM session_days FINAL WHERE ${DAYS}
          UNION ALL
          SELECT day, session, groupUniqArray(key) FROM (
            SELECT day, session, cityHash64(page) AS key FROM edge_views
            UNION ALL
            SELECT day, session, cityHash64(page, selector, type) FROM edge_hits
          ) GROUP BY day, session
        ) AS day_keys INNER JOIN conv USING (day, session)
      ),
      (
        SELECT (groupArray(key), groupArray(n), groupArray(v)) FROM (
          SELECT key, sum(n) AS n, sum(v) AS v FROM (
            SELECT key, count() AS n, sum(value) AS v FROM converted ARRAY JOIN keys AS key GROUP BY key
            UNION ALL
            SELECT key, converted, value FROM (${rolled}) WHERE converted > 0
          ) GROUP BY key
        )
      ) AS won,
      issue AS (
        SELECT issue, any(page) AS page, any(selector) AS selector, any(type) AS type, sum(n) AS sessions, sum(signals) AS signals,
          toUnixTimestamp64Milli(min(first)) AS first_ms, toUnixTimestamp64Milli(max(last)) AS last_ms, any(label) AS label, min(url) AS page_url
        FROM (
          SELECT key AS issue, page, selector, type, sessions AS n, signals, first, last, label, url FROM (${rolled}) WHERE kind = 'issue'
          UNION ALL
          SELECT issue, page, selector, type, 1, signals, first, last, label, url FROM meetings
        ) GROUP BY issue
        ORDER BY sessions DESC, page, selector, type
        LIMIT {limit:UInt32}
      ),
      viewed AS (
        SELECT page, sum(n) AS page_n FROM (
          SELECT page, sessions AS n FROM (${rolled}) WHERE kind = 'page'
          UNION ALL
          SELECT page, 1 FROM viewers
        ) GROUP BY page
      )
      SELECT page, selector, type, label, page_url, sessions, signals, first_ms, last_ms,
        transform(issue, won.1, won.2, toUInt64(0)) AS conv_n, transform(issue, won.1, won.3, 0.0) AS conv_value, page_n,
        transform(cityHash64(page), won.1, won.2, toUInt64(0)) AS page_conv_n, transform(cityHash64(page), won.1, won.3, 0.0) AS page_conv_value
      FROM issue LEFT JOIN viewed USING page
      ORDER BY sessions DESC, page, selector, type`,
    query_params: { ...range, ...goals, ...wholeHours(range), ...days, rolledDays, slowDays, limit },
    format: 'JSONEachRow',
  })
  return toIssueCounts(await rs.json<IssueCountRow>())
}
