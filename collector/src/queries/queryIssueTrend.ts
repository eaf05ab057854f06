import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { inSegment, issuePathSql, segmentParams, type Segment } from './segment.ts'

const DAY_MS = 86_400_000

/** An issue's key: page path, element, signal type. */
export interface IssueKey {
  path: string
  selector: string
  type: string
}

/**
 * Sessions per UTC day that met each of a few issues, over the range: one count per day
 * from the range's first day to its last (0 where none), keyed `path\nselector\ntype`.
 * Read from the raw signals (only the issues' elements), so a segment narrows it as well.
 */
export async function queryIssueTrend(
  client: ClickHouseClient,
  range: Range,
  keys: IssueKey[],
  segment: Segment = {},
): Promise<Map<string, number[]>> {
  const trend = new Map<string, number[]>()
  if (keys.length === 0) return trend
  const firstDay = Math.floor(range.from / DAY_MS)
  const days = Math.floor((range.to - 1) / DAY_MS) - firstDay + 1
  const rs = await client.query({
    query: `SELECT ${issuePathSql('url')} AS page, selector, type, toUInt32(toUnixTimestamp(toDateTime(day)) / 86400) AS d, uniqExact(session) AS n
      FROM signals
      WHERE ${RANGE_FILTER} AND selector IN {selectors:Array(String)} ${inSegment(segment)}
      GROUP BY page, selector, type, d`,
    query_params: { ...range, ...segmentParams(segment), selectors: [...new Set(keys.map((k) => k.selector))] },
    format: 'JSONEachRow',
  })
  for (const k of keys) trend.set(`${k.path}\n${k.selector}\n${k.type}`, new Array<number>(days).fill(0))
  for (const r of await rs.json<{
    page: string
    selector: string
    type: string
    d: number | string
    n: number | string
  }>()) {
    const days = trend.get(`${r.page}\n${r.selector}\n${r.type}`)
    const i = Number(r.d) - firstDay
    if (days && i >= 0 && i < days.length) days[i] = Number(r.n)
  }
  return trend
}
