import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { inSegment, segmentParams, SEGMENT_FILTER, type Segment } from './segment.ts'

export interface FrictionPage {
  url: string
  signals: number
  /** Sessions with at least one signal on this page. */
  sessions: number
  views: number
  /** Signals per 100 page views (0 when no view was recorded). */
  per100Views: number
  byType: Record<string, number>
}

/** Pages ranked by signal count. */
export async function queryFrictionPages(
  client: ClickHouseClient,
  range: Range,
  limit = 50,
  segment: Segment = {},
): Promise<FrictionPage[]> {
  const rs = await client.query({
    query: `SELECT s.url AS url, s.signals AS signals, s.sessions AS sessions, s.types AS types, s.counts AS counts,
        ifNull(v.views, 0) AS views
      FROM (
        SELECT url, count() AS signals, uniqExact(session) AS sessions,
          sumMap([type], [toUInt64(1)]) AS tc, tc.1 AS types, tc.2 AS counts
        FROM signals FINAL WHERE ${RANGE_FILTER} ${inSegment(segment)} GROUP BY url
      ) AS s
      LEFT JOIN (
        SELECT url, uniqExact(page_view) AS views FROM page_views WHERE ${RANGE_FILTER} AND ${SEGMENT_FILTER} GROUP BY url
      ) AS v ON v.url = s.url
      ORDER BY signals DESC, url
      LIMIT {limit:UInt32}`,
    query_params: { ...range, ...segmentParams(segment), limit },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    url: string
    signals: string | number
    sessions: string | number
    types: string[]
    counts: Array<string | number>
    views: string | number
  }>()
  return rows.map((r) => {
    const views = Number(r.views)
    const signals = Number(r.signals)
    return {
      url: r.url,
      signals,
      sessions: Number(r.sessions),
      views,
      per100Views: views > 0 ? Math.round((signals / views) * 10_000) / 100 : 0,
      byType: Object.fromEntries(r.types.map((t, i) => [t, Number(r.counts[i])])),
    }
  })
}
