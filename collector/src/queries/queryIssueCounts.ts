import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { issuePathSql } from './segment.ts'
import { toIssueCounts, type IssueCountRow, type IssueCounts } from './queryIssueCountsRaw.ts'
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
/** Whole days of the range in the per-day tables. */
const DAYS = `site = {site:String} AND day >= toDate(toDateTime({dayFrom:Int64}, 'UTC')) AND day < toDate(toDateTime({dayTo:Int64}, 'UTC'))`
/** Whole hours of the range in the per-hour tables. */
const HOURS = `site = {site:String} AND hour >= toDateTime({hourFrom:Int64}, 'UTC') AND hour < toDateTime({hourTo:Int64}, 'UTC')`
/** Raw rows the per-hour tables do not answer: those of the range outside its whole hours. */
const MINUTES = `${RANGE_FILTER} AND NOT (${IN_HOURS})`

/**
 * The figures of `queryIssueCountsRaw` (same rows, same order) read mostly from the
 * per-day tables of migration 0015: one row per (day, page, session) and per (day, issue,
 * session), so sessions are counted as rows and add up across days. The hours at either
 * end of the range that are not whole days come from the per-hour tables of 0010, the
 * minutes outside whole hours from the raw events, so any range is covered exactly; they
 * are grouped to the same (day, …, session) rows.
 *
 * A session counts once per UTC day: one that views a page (or meets an issue) on both
 * sides of midnight counts twice in a range holding both days, where the raw query counts
 * it once. Converted sessions are counted the same way, so rates compare like with like.
 *
 * The converted sessions (with their goals' value) are joined once to `session_days` (one
 * row per session and day: one probe per session, not per page or issue); their pages and
 * issues are counted in one pass into a scalar keyed by the page's or the issue's hash,
 * which the final rows look up with `transform` (a scalar is computed once per query,
 * where a CTE is computed again for every use).
 */
export async function queryIssueCounts(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
  limit = 200,
): Promise<IssueCounts[]> {
  const path = issuePathSql('url')
  // Only URL goals make the page views a source of conversions: no scan for them otherwise.
  // `multiMatchAny` on the paths' dictionary matches each distinct path once, not every row.
  const urlGoals = goals.patterns.length
    ? `UNION ALL SELECT session, 0 FROM session_pages WHERE ${HOURS} AND multiMatchAny(path, {patterns:Array(String)})
       UNION ALL SELECT cityHash64(session), 0 FROM page_views WHERE ${MINUTES} AND multiMatchAny(path(url), {patterns:Array(String)})`
    : ''
  const rs = await client.query({
    query: `WITH
      conv AS (
        SELECT session, sum(value) AS value FROM (
          SELECT cityHash64(session) AS session, value FROM goals FINAL WHERE ${RANGE_FILTER} AND ({goal:String} = '' OR name = {goal:String})
          ${urlGoals}
        ) GROUP BY session
      ),
      edge_hits AS (
        SELECT toDate(ts) AS day, page, selector, type, session, id, ts, label, url FROM session_hits WHERE ${HOURS} AND NOT (${IN_DAYS('hour')})
        UNION ALL
        SELECT toDate(ts), ${path}, selector, type, cityHash64(session), cityHash64(id), ts, label, url
        FROM signals WHERE ${MINUTES} AND selector != ''
      ),
      edge_views AS (
        SELECT toDate(hour) AS day, page, session FROM session_pages WHERE ${HOURS} AND NOT (${IN_DAYS('hour')})
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
          SELECT session, arrayConcat(pages, issues) AS keys FROM session_days FINAL WHERE ${DAYS}
          UNION ALL
          SELECT session, groupUniqArray(key) FROM (
            SELECT day, session, cityHash64(page) AS key FROM edge_views
            UNION ALL
            SELECT day, session, cityHash64(page, selector, type) FROM edge_hits
          ) GROUP BY day, session
        ) AS day_keys INNER JOIN conv USING session
      ),
      (
        SELECT (groupArray(key), groupArray(n), groupArray(v)) FROM (
          SELECT key, count() AS n, sum(value) AS v FROM converted ARRAY JOIN keys AS key GROUP BY key
        )
      ) AS won,
      issue AS (
        SELECT issue, any(page) AS page, any(selector) AS selector, any(type) AS type, count() AS sessions, sum(signals) AS signals,
          toUnixTimestamp64Milli(min(first)) AS first_ms, toUnixTimestamp64Milli(max(last)) AS last_ms, any(label) AS label, min(url) AS page_url
        FROM meetings GROUP BY issue
        ORDER BY sessions DESC, page, selector, type
        LIMIT {limit:UInt32}
      ),
      viewed AS (SELECT page, count() AS page_n FROM viewers GROUP BY page)
      SELECT page, selector, type, label, page_url, sessions, signals, first_ms, last_ms,
        transform(issue, won.1, won.2, toUInt64(0)) AS conv_n, transform(issue, won.1, won.3, 0.0) AS conv_value, page_n,
        transform(cityHash64(page), won.1, won.2, toUInt64(0)) AS page_conv_n, transform(cityHash64(page), won.1, won.3, 0.0) AS page_conv_value
      FROM issue LEFT JOIN viewed USING page
      ORDER BY sessions DESC, page, selector, type`,
    query_params: { ...range, ...goals, ...wholeHours(range), ...wholeDays(range), limit },
    format: 'JSONEachRow',
  })
  return toIssueCounts(await rs.json<IssueCountRow>())
}
