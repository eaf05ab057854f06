import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { inSegment, segmentParams, type Segment } from './segment.ts'

export interface FrictionElement {
  url: string
  selector: string
  label: string
  signals: number
  sessions: number
  byType: Record<string, number>
}

/** Elements (per page) ranked by signal count; signals not tied to an element are left out. */
export async function queryFrictionElements(
  client: ClickHouseClient,
  range: Range,
  limit = 50,
  segment: Segment = {},
): Promise<FrictionElement[]> {
  const rs = await client.query({
    query: `SELECT url, selector, any(label) AS label, count() AS signals, uniqExact(session) AS sessions,
        sumMap([type], [toUInt64(1)]) AS tc, tc.1 AS types, tc.2 AS counts
      FROM signals FINAL
      WHERE ${RANGE_FILTER} AND selector != '' ${inSegment(segment)}
      GROUP BY url, selector
      ORDER BY signals DESC, url, selector
      LIMIT {limit:UInt32}`,
    query_params: { ...range, ...segmentParams(segment), limit },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    url: string
    selector: string
    label: string
    signals: string | number
    sessions: string | number
    types: string[]
    counts: Array<string | number>
  }>()
  return rows.map((r) => ({
    url: r.url,
    selector: r.selector,
    label: r.label,
    signals: Number(r.signals),
    sessions: Number(r.sessions),
    byType: Object.fromEntries(r.types.map((t, i) => [t, Number(r.counts[i])])),
  }))
}
