import type { ClickHouseClient } from '@clickhouse/client'
import { DAY_SOURCES, ROLLED_DAY_ROWS } from './daySources.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/** A day to roll up, with the raw rows it holds now (stamped on its roll). */
export interface DayToRoll {
  day: string
  views: number
  hits: number
  goals: number
}

/**
 * The days of `[dayFrom, dayTo)` (epoch seconds) that hold events but no roll-up for
 * this goal, or one made before later events arrived (its raw counts differ from now).
 */
export async function queryDaysToRoll(
  client: ClickHouseClient,
  site: string,
  days: { dayFrom: number; dayTo: number },
  goals: GoalMatch,
): Promise<DayToRoll[]> {
  const rs = await client.query({
    query: `SELECT toString(day) AS day, views, hits, goals FROM (${DAY_SOURCES})
      WHERE (day, views, hits, goals) NOT IN (SELECT day, views, hits, goals FROM (${ROLLED_DAY_ROWS}))
      ORDER BY day`,
    query_params: { site, ...days, goal: goals.goal, patterns: goals.patterns },
    format: 'JSONEachRow',
  })
  type Row = { day: string; views: string | number; hits: string | number; goals: string | number }
  return (await rs.json<Row>()).map((r) => ({
    day: r.day,
    views: Number(r.views),
    hits: Number(r.hits),
    goals: Number(r.goals),
  }))
}
