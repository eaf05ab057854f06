import type { ClickHouseClient } from '@clickhouse/client'
import { DAY_SOURCES, ROLLED_DAY_ROWS } from './daySources.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/**
 * The days of `[dayFrom, dayTo)` (epoch seconds) whose roll-up for this goal still holds:
 * rolled with the raw rows the day has now (a day that got late events since is left
 * out, and read the per-day way until it is rolled again). Days as `YYYY-MM-DD`.
 */
export async function queryRolledDays(
  client: ClickHouseClient,
  site: string,
  days: { dayFrom: number; dayTo: number },
  goals: GoalMatch,
): Promise<string[]> {
  if (days.dayFrom >= days.dayTo) return []
  const rs = await client.query({
    query: `SELECT toString(day) AS day FROM (${ROLLED_DAY_ROWS})
      WHERE (day, views, hits, goals) IN (SELECT day, views, hits, goals FROM (${DAY_SOURCES}))
      ORDER BY day`,
    query_params: { site, ...days, goal: goals.goal, patterns: goals.patterns },
    format: 'JSONEachRow',
  })
  return (await rs.json<{ day: string }>()).map((r) => r.day)
}
