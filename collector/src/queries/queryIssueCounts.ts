import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { issuePathSql } from './segment.ts'
import { toIssueCounts, type IssueCountRow, type IssueCounts } from './queryIssueCountsRaw.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/** The summary's time grain (`session_summary.hour`): whole hours inside a range are read from it. */
const HOUR_MS = 3_600_000

/** Whole hours of a range, `[from, to)` in epoch seconds; empty (`from >= to`) when it holds none. */
export function wholeHours(range: Range): { hourFrom: number; hourTo: number } {
  return { hourFrom: Math.ceil(range.from / HOUR_MS) * 3600, hourTo: Math.floor(range.to / HOUR_MS) * 3600 }
}

/** Raw rows the summary does not answer: those of the range outside its whole hours. */
const EDGES = `${RANGE_FILTER} AND NOT (ts >= toDateTime({hourFrom:Int64}, 'UTC') AND ts < toDateTime({hourTo:Int64}, 'UTC'))`

/**
 * The figures of `queryIssueCountsRaw` (same rows, same order) read from the narrow
 * per-hour tables of migration 0010 (`session_pages`, `session_hits`: sessions as 64-bit
 * hashes, paths and elements as dictionaries) instead of every page view and signal. The
 * whole hours of the range come from those tables, the minutes at either end from the raw
 * ones, so any range gives exact counts (distinct sessions and signal ids are counted, so
 * rows not yet merged count once).
 *
 * Each table is read twice at most: the converted sessions are gathered once into a scalar
 * (sessions and goal values, as arrays) that `transform` looks up, where joins would
 * compute them again for every use.
 */
export async function queryIssueCounts(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
  limit = 200,
): Promise<IssueCounts[]> {
  const path = issuePathSql('url')
  // Only URL goals make the page views a source of conversions: no scan for them otherwise.
  const urlGoals = goals.patterns.length
    ? 'UNION ALL SELECT session, 0 FROM views WHERE arrayExists(p -> match(path, p), {patterns:Array(String)})'
    : ''
  const whole = `site = {site:String} AND hour >= toDateTime({hourFrom:Int64}, 'UTC') AND hour < toDateTime({hourTo:Int64}, 'UTC')`
  const rs = await client.query({
    query: `WITH
      views AS (
        SELECT page, path, session FROM session_pages WHERE ${whole}
        UNION ALL
        SELECT toLowCardinality(${path}), toLowCardinality(path(url)), cityHash64(session) FROM page_views WHERE ${EDGES}
      ),
      hits AS (
        SELECT page, selector, type, session, id, ts, label, url FROM session_hits WHERE ${whole}
        UNION ALL
        SELECT toLowCardinality(${path}), toLowCardinality(selector), type, cityHash64(session), cityHash64(id), ts, toLowCardinality(label), url
        FROM signals WHERE ${EDGES} AND selector != ''
      ),
      (
        SELECT (groupArray(session), groupArray(value), groupArray(toUInt8(1))) FROM (
          SELECT session, sum(value) AS value FROM (
            SELECT cityHash64(session) AS session, value FROM goals FINAL WHERE ${RANGE_FILTER} AND ({goal:String} = '' OR name = {goal:String})
            ${urlGoals}
          ) GROUP BY session
        )
      ) AS conv
      SELECT page, selector, type, label, page_url, sessions, signals, first_ms, last_ms,
        length(converted) AS conv_n, arraySum(arrayMap(s -> transform(s, conv.1, conv.2, 0.0), converted)) AS conv_value,
        page_n, length(page_converted) AS page_conv_n, arraySum(arrayMap(s -> transform(s, conv.1, conv.2, 0.0), page_converted)) AS page_conv_value
      FROM (
        SELECT page, selector, type, uniqExact(session) AS sessions, uniqExact(id) AS signals,
          toUnixTimestamp64Milli(min(ts)) AS first_ms, toUnixTimestamp64Milli(max(ts)) AS last_ms, any(label) AS label, any(url) AS page_url,
          groupUniqArrayIf(session, transform(session, conv.1, conv.3, toUInt8(0)) = 1) AS converted
        FROM hits GROUP BY page, selector, type
        ORDER BY sessions DESC, page, selector, type
        LIMIT {limit:UInt32}
      ) AS issue
      LEFT JOIN (
        SELECT page, uniqExact(session) AS page_n, groupUniqArrayIf(session, transform(session, conv.1, conv.3, toUInt8(0)) = 1) AS page_converted
        FROM (SELECT page, session FROM views UNION ALL SELECT page, session FROM hits)
        GROUP BY page
      ) AS viewed USING page
      ORDER BY sessions DESC, page, selector, type`,
    query_params: { ...range, ...goals, ...wholeHours(range), limit },
    format: 'JSONEachRow',
  })
  return toIssueCounts((await rs.json()) as IssueCountRow[])
}
