import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { inSegment, SEGMENT_FILTER, segmentParams, type Segment } from './segment.ts'

/** Per page: sessions that viewed it, and the share of them that struggled on it (raised an alert there); of a segment's page views if given. */
export async function queryStrugglingShare(
  client: ClickHouseClient,
  range: Range,
  segment: Segment = {},
): Promise<Array<{ url: string; sessions: number; struggling: number; share: number }>> {
  const rs = await client.query({
    query: `SELECT v.url AS url, v.sessions AS sessions, ifNull(a.struggling, 0) AS struggling
      FROM (SELECT url, uniqExact(session) AS sessions FROM page_views WHERE ${RANGE_FILTER} AND ${SEGMENT_FILTER} GROUP BY url) AS v
      LEFT JOIN (SELECT url, uniqExact(session) AS struggling FROM alerts FINAL WHERE ${RANGE_FILTER} ${inSegment(segment)} GROUP BY url) AS a ON a.url = v.url
      ORDER BY struggling DESC, sessions DESC, url LIMIT 200`,
    query_params: { ...range, ...segmentParams(segment) },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ url: string; sessions: string | number; struggling: string | number }>()
  return rows.map((r) => {
    const sessions = Number(r.sessions)
    const struggling = Number(r.struggling)
    return {
      url: r.url,
      sessions,
      struggling,
      share: sessions ? Math.round((struggling / sessions) * 10_000) / 10_000 : 0,
    }
  })
}
