import type { ClickHouseClient } from '@clickhouse/client'
import { toCountParts, type CountPart, type CountPartRow } from './issueCountParts.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/**
 * The roll-up's finished counts (0016) of `days` (`YYYY-MM-DD`, each rolled for this goal
 * and still holding, see queryRolledDays.ts) added up per issue and per page: only the
 * rows of each day's newest roll, which its day row names.
 */
export async function queryRolledTotals(
  client: ClickHouseClient,
  site: string,
  days: string[],
  goals: GoalMatch,
): Promise<CountPart[]> {
  if (!days.length) return []
  const same = `site = {site:String} AND day IN {days:Array(Date)} AND goal = {goal:String} AND patterns = cityHash64({patterns:Array(String)})`
  const rs = await client.query({
    query: `SELECT kind, toString(key) AS key, any(page) AS page, any(selector) AS selector, any(type) AS type, any(label) AS label,
        min(url) AS url, sum(sessions) AS sessions, sum(signals) AS signals,
        toUnixTimestamp64Milli(min(first)) AS first_ms, toUnixTimestamp64Milli(max(last)) AS last_ms,
        sum(converted) AS converted, sum(value) AS value
      FROM issue_day_totals FINAL
      WHERE ${same} AND kind != 'day' AND (day, rolled) IN (SELECT day, rolled FROM issue_day_totals FINAL WHERE ${same} AND kind = 'day')
      GROUP BY kind, key`,
    query_params: { site, days, goal: goals.goal, patterns: goals.patterns },
    format: 'JSONEachRow',
  })
  return toCountParts(await rs.json<CountPartRow>())
}
