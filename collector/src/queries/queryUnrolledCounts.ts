import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { issuePathSql } from './segment.ts'
import { toCountParts, type CountPart, type CountPartRow } from './issueCountParts.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/** The parts of a range read here, epoch seconds: whole hours, and the whole days not rolled up (`YYYY-MM-DD`). */
export interface Unrolled {
  hourFrom: number
  hourTo: number
  dayFrom: number
  dayTo: number
  slowDays: string[]
}

const IN_HOURS = `ts >= toDateTime({hourFrom:Int64}, 'UTC') AND ts < toDateTime({hourTo:Int64}, 'UTC')`
/** Whole hours of the range in the per-hour tables. */
const HOURS = `site = {site:String} AND hour >= toDateTime({hourFrom:Int64}, 'UTC') AND hour < toDateTime({hourTo:Int64}, 'UTC')`
/**
 * Raw rows the per-hour tables do not answer: those of the range outside its whole hours.
 * The `day` bounds (implied by the rest: a row before the first whole hour is of that
 * hour's day or before) let the order key skip the days between.
 */
const MINUTES = `${RANGE_FILTER} AND NOT (${IN_HOURS})
  AND (day <= toDate(toDateTime({hourFrom:Int64} - 1, 'UTC')) OR day >= toDate(toDateTime({hourTo:Int64}, 'UTC')))`
const PATH = issuePathSql('url')
/** Whole hours before the range's first whole day and after its last (all of them when it holds none). */
const EDGE_HOURS = `site = {site:String} AND (
    (hour >= toDateTime({leftFrom:Int64}, 'UTC') AND hour < toDateTime({leftTo:Int64}, 'UTC'))
    OR (hour >= toDateTime({rightFrom:Int64}, 'UTC') AND hour < toDateTime({rightTo:Int64}, 'UTC')))`

/** The edges' page viewers from the per-hour tables and the raw minutes (a signal on a page is a view of it). */
const EDGE_VIEWS = `SELECT toDate(hour) AS day, page, session FROM session_pages WHERE ${EDGE_HOURS}
  UNION ALL
  SELECT toDate(ts), ${PATH}, cityHash64(session) FROM page_views WHERE ${MINUTES}
  UNION ALL
  SELECT day, page, session FROM edge_hits`
/** The edges' pages and issues of each session-day, as hashes, from the per-hour tables and the raw minutes. */
const EDGE_KEYS = `UNION ALL
  SELECT day, session, groupUniqArray(key) FROM (
    SELECT day, session, cityHash64(page) AS key FROM edge_views
    UNION ALL
    SELECT day, session, cityHash64(page, selector, type) FROM edge_hits
  ) GROUP BY day, session`
/**
 * The edges' page viewers of a range that crosses midnight, one row per (day, page,
 * session) from `page_day_spans` (0016): of its first day those there at or after its
 * start, of its last those there before its end. With FINAL the conditions on `first`
 * and `last` apply to the merged rows (ClickHouse moves no condition on a column outside
 * the key ahead of FINAL's merge).
 */
const EDGE_SPANS = `SELECT day, page, session FROM page_day_spans FINAL
  WHERE site = {site:String} AND day IN ({leftDay:Date}, {rightDay:Date})
    AND (day != {leftDay:Date} OR last >= fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
    AND (day != {rightDay:Date} OR first < fromUnixTimestamp64Milli({to:Int64}, 'UTC'))`
/** The converted edge session-days' pages and issues counted (each row is one session-day's page or issue). */
const EDGE_SPAN_KEYS = `SELECT key, count() AS n, sum(value) AS v FROM (
    SELECT day, session, cityHash64(page) AS key FROM edge_views
    UNION ALL
    SELECT day, session, issue FROM edge_meets
  ) AS edge_keys INNER JOIN conv USING (day, session) GROUP BY key`
/** The rows of a session's meeting an issue on the first and last day of a range that crosses midnight, merged. */
const EDGE_DAYS = `SELECT day, issue, session, any(page) AS page, any(selector) AS selector, any(type) AS type,
    groupUniqArrayArray(ids) AS ids, min(first) AS first, max(last) AS last, any(label) AS label, min(url) AS url
  FROM issue_day_sessions WHERE site = {site:String} AND day IN ({leftDay:Date}, {rightDay:Date}) GROUP BY day, issue, session`
/** Of those, the meetings wholly inside the range. */
const INSIDE = `(day != {leftDay:Date} OR first >= fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
  AND (day != {rightDay:Date} OR last < fromUnixTimestamp64Milli({to:Int64}, 'UTC'))`
/**
 * The edges' meetings (day, issue, session) of a range that crosses midnight: those wholly
 * inside it as the per-day table has them, and the few that straddle its start or end
 * (met before and after it) from their signals inside the range (per-hour tables and raw
 * minutes), instead of grouping every signal of the edges.
 */
const EDGE_MEETS = `edge_days AS (${EDGE_DAYS}),
  edge_meets AS (
    SELECT day, issue, session, page, selector, type, length(ids) AS signals, first, last, label, url FROM edge_days WHERE ${INSIDE}
    UNION ALL
    SELECT day, cityHash64(page, selector, type) AS issue, session, any(page), any(selector), any(type), uniqExact(id), min(ts), max(ts), any(label), min(url)
    FROM edge_hits WHERE (day, cityHash64(page, selector, type), session) IN (SELECT day, issue, session FROM edge_days WHERE NOT (${INSIDE}))
    GROUP BY day, issue, session
  ),`
/** A day that holds no event of any range (the absent edge of {@link EDGE_SPANS}). */
const NO_DAY = '1970-01-01'

/**
 * The issue counts of the parts of a range the roll-up does not hold, per issue and per
 * page (see queryIssueCounts.ts, which adds the parts up): whole days not rolled up from
 * the per-day tables of 0015 (a row per (day, page, session) and (day, issue, session)),
 * the hours at either end that are not whole days from the per-hour tables of 0010, the
 * minutes outside whole hours from the raw events, grouped to the same (day, …, session)
 * rows. A session-day is converted when the session reached the goal that day.
 *
 * The converted session-days are joined once to the day's pages and issues (one probe per
 * session and day, not per page or issue); those are counted in one pass into a scalar
 * keyed by the page's or the issue's hash, which the rows look up with `transform` (a
 * scalar is computed once per query, where a CTE is computed again for every use).
 */
export async function queryUnrolledCounts(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
  parts: Unrolled,
): Promise<CountPart[]> {
  // A day set that may be empty is not pruned by the order key: no whole day is said so.
  const DAYS = parts.slowDays.length ? `site = {site:String} AND day IN {slowDays:Array(Date)}` : '0'
  // A range that crosses midnight reads its first and last day's pages from the spans.
  const spans = parts.dayFrom <= parts.dayTo
  // The converted session-days' keys from per-day rows: none to read (nor conversions to join) without whole days not rolled up or hour edges.
  const dayKeys = parts.slowDays.length > 0 || !spans
  // Only URL goals make the page views a source of conversions: no scan for them otherwise.
  // `multiMatchAny` on the paths' dictionary matches each distinct path once, not every row.
  const slowHours = parts.slowDays.length ? `OR (${HOURS} AND toDate(hour) IN {slowDays:Array(Date)})` : ''
  const urlGoals = goals.patterns.length
    ? `UNION ALL SELECT toDate(hour), session, 0 FROM session_pages WHERE (${EDGE_HOURS} ${slowHours}) AND multiMatchAny(path, {patterns:Array(String)})
       UNION ALL SELECT toDate(ts), cityHash64(session), 0 FROM page_views WHERE ${MINUTES} AND multiMatchAny(path(url), {patterns:Array(String)})`
    : ''
  const rs = await client.query({
    query: `WITH
      conv AS (
        SELECT day, session, sum(value) AS value FROM (
          SELECT toDate(ts) AS day, cityHash64(session) AS session, value FROM goals FINAL
          WHERE ${RANGE_FILTER}
            AND (day < toDate(toDateTime({dayFrom:Int64}, 'UTC')) OR day >= toDate(toDateTime({dayTo:Int64}, 'UTC')) OR day IN {slowDays:Array(Date)})
            AND ({goal:String} = '' OR name = {goal:String})
          ${urlGoals}
        ) GROUP BY day, session
      ),
      edge_hits AS (
        SELECT toDate(ts) AS day, page, selector, type, session, id, ts, label, url FROM session_hits WHERE ${EDGE_HOURS}
        UNION ALL
        SELECT toDate(ts), ${PATH}, selector, type, cityHash64(session), cityHash64(id), ts, label, url
        FROM signals WHERE ${MINUTES} AND selector != ''
      ),
      edge_views AS (${spans ? EDGE_SPANS : EDGE_VIEWS}),
      ${spans ? EDGE_MEETS : ''}
      meetings AS (
        SELECT issue, page, selector, type, length(ids) AS signals, first, last, label, url FROM issue_day_sessions FINAL WHERE ${DAYS}
        UNION ALL
        ${
          spans
            ? 'SELECT issue, page, selector, type, signals, first, last, label, url FROM edge_meets'
            : `SELECT cityHash64(page, selector, type) AS issue, any(page), any(selector), any(type), uniqExact(id), min(ts), max(ts), any(label), min(url)
               FROM edge_hits GROUP BY day, issue, session`
        }
      ),
      viewers AS (
        SELECT page FROM page_day_sessions FINAL WHERE ${DAYS}
        UNION ALL
        SELECT page FROM (${spans ? 'SELECT page FROM edge_views' : 'SELECT DISTINCT day, page, session FROM edge_views'})
      ),
      converted AS (
        SELECT keys, value FROM (
          SELECT day, session, arrayConcat(pages, issues) AS keys FROM session_days FINAL WHERE ${DAYS}
          ${spans ? '' : EDGE_KEYS}
        ) AS day_keys INNER JOIN conv USING (day, session)
      ),
      (
        SELECT (groupArray(key), groupArray(n), groupArray(v)) FROM (
          SELECT key, sum(n) AS n, sum(v) AS v FROM (
            ${dayKeys ? 'SELECT key, count() AS n, sum(value) AS v FROM converted ARRAY JOIN keys AS key GROUP BY key' : ''}
            ${spans ? `${dayKeys ? 'UNION ALL' : ''} ${EDGE_SPAN_KEYS}` : ''}
          ) GROUP BY key
        )
      ) AS won
      SELECT 'issue' AS kind, toString(issue) AS key, any(page) AS page, any(selector) AS selector, any(type) AS type, any(label) AS label,
        min(url) AS url, count() AS sessions, sum(signals) AS signals,
        toUnixTimestamp64Milli(min(first)) AS first_ms, toUnixTimestamp64Milli(max(last)) AS last_ms,
        transform(issue, won.1, won.2, toUInt64(0)) AS converted, transform(issue, won.1, won.3, 0.0) AS value
      FROM meetings GROUP BY issue
      UNION ALL
      SELECT 'page', '', page, '', '', '', '', count(), 0, 0, 0,
        transform(cityHash64(page), won.1, won.2, toUInt64(0)), transform(cityHash64(page), won.1, won.3, 0.0)
      FROM viewers GROUP BY page`,
    query_params: {
      ...range,
      ...goals,
      ...parts,
      // The bounds of EDGE_HOURS: constants, so the order key prunes by them.
      leftFrom: parts.hourFrom,
      leftTo: Math.min(parts.hourTo, parts.dayFrom),
      rightFrom: Math.max(parts.hourFrom, parts.dayTo),
      rightTo: parts.hourTo,
      leftDay: range.from < parts.dayFrom * 1000 ? day(range.from) : NO_DAY,
      rightDay: range.to > parts.dayTo * 1000 ? day(range.to) : NO_DAY,
    },
    format: 'JSONEachRow',
  })
  return toCountParts(await rs.json<CountPartRow>())
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
