import type { ClickHouseClient } from '@clickhouse/client'
import type { DayToRoll } from './queryDaysToRoll.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

const DAY = `site = {site:String} AND day = toDate({day:String})`
const EPOCH = `toDateTime64(0, 3, 'UTC')`

/**
 * Rolls one closed UTC day of a site up for one goal into `issue_day_totals` (0016): per
 * page its sessions, per issue its sessions, signals, first and last seen, and for both
 * how many of those sessions converted that day and their goals' value; then the day row
 * with the raw counts taken before (so events that arrive meanwhile mark it stale). One
 * insert, every row stamped with one version newer than any roll of the day before, so
 * the newest roll replaces the older rows whole, whoever wrote them.
 *
 * A session-day is the unit, as in the per-day tables it reads (0015): a session that met
 * an issue on that day converted if it reached the goal that same day.
 */
export async function insertIssueRollup(
  client: ClickHouseClient,
  site: string,
  day: DayToRoll,
  goals: GoalMatch,
): Promise<void> {
  const urlGoals = goals.patterns.length
    ? `UNION ALL SELECT session, 0 FROM session_pages WHERE site = {site:String}
         AND hour >= toDateTime(toDate({day:String}), 'UTC') AND hour < toDateTime(toDate({day:String}) + 1, 'UTC')
         AND multiMatchAny(path, {patterns:Array(String)})`
    : ''
  const same = `site = {site:String} AND day = toDate({day:String}) AND goal = {goal:String} AND patterns = cityHash64({patterns:Array(String)})`
  await client.command({
    query: `INSERT INTO issue_day_totals (site, day, goal, patterns, kind, key, page, selector, type, label, url,
        sessions, signals, first, last, converted, value, views, hits, goals, rolled)
      WITH
        (SELECT greatest(now64(3, 'UTC'), max(rolled) + toIntervalMillisecond(1)) FROM issue_day_totals WHERE ${same}) AS version,
        conv AS (
          SELECT session, sum(value) AS value FROM (
            SELECT cityHash64(session) AS session, value FROM goals FINAL WHERE ${DAY} AND ({goal:String} = '' OR name = {goal:String})
            ${urlGoals}
          ) GROUP BY session
        ),
        won AS (
          SELECT key, count() AS n, sum(value) AS v FROM (
            SELECT keys, value FROM (SELECT session, arrayConcat(pages, issues) AS keys FROM session_days FINAL WHERE ${DAY}) AS sd
            INNER JOIN conv USING session
          ) ARRAY JOIN keys AS key GROUP BY key
        ),
        counted AS (
          SELECT 'issue' AS kind, issue AS key, any(page) AS page, any(selector) AS selector, any(type) AS type, any(label) AS label,
            min(url) AS url, count() AS sessions, sum(length(ids)) AS signals, min(first) AS first, max(last) AS last
          FROM issue_day_sessions FINAL WHERE ${DAY} GROUP BY issue
          UNION ALL
          SELECT 'page', cityHash64(page), page, '', '', '', '', count(), 0, ${EPOCH}, ${EPOCH}
          FROM page_day_sessions FINAL WHERE ${DAY} GROUP BY page
        )
      SELECT {site:String}, toDate({day:String}), {goal:String}, cityHash64({patterns:Array(String)}), kind, key, page, selector, type, label, url,
        sessions, signals, first, last, n, v, 0, 0, 0, version
      FROM counted LEFT JOIN won USING key
      UNION ALL
      SELECT {site:String}, toDate({day:String}), {goal:String}, cityHash64({patterns:Array(String)}), 'day', 0, '', '', '', '', '',
        0, 0, ${EPOCH}, ${EPOCH}, 0, 0, {views:UInt64}, {hits:UInt64}, {goals:UInt64}, version`,
    query_params: {
      site,
      day: day.day,
      views: day.views,
      hits: day.hits,
      goals: day.goals,
      goal: goals.goal,
      patterns: goals.patterns,
    },
  })
}
