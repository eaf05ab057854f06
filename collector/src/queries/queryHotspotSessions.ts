import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER } from './range.ts'
import type { HeatmapFilter } from './heatmapFilter.ts'
import { DESKTOP_MIN_WIDTH, TABLET_MIN_WIDTH } from '../ingest/viewportClass.ts'

/** A session behind a hotspot: its clicks on the element and when it last clicked (epoch ms). */
export interface HotspotSession {
  session: string
  clicks: number
  last: number
}

/**
 * Sessions behind a hotspot: who clicked (or struggled on) an element, newest first —
 * only page views of the heatmap's viewport class (signals carry no width: their page
 * view's says), so the list agrees with the hotspot's count.
 */
export async function queryHotspotSessions(
  client: ClickHouseClient,
  f: HeatmapFilter,
  selector: string,
  limit = 50,
): Promise<HotspotSession[]> {
  const rs = await client.query({
    query: `SELECT session, count() AS n, toUnixTimestamp64Milli(max(ts)) AS last_ms FROM (
        SELECT session, ts FROM clicks FINAL WHERE ${RANGE_FILTER} AND url = {url:String} AND vc = {vc:String} AND selector = {selector:String}
        UNION ALL
        SELECT session, ts FROM signals FINAL WHERE ${RANGE_FILTER} AND url = {url:String} AND selector = {selector:String}
          AND page_view IN (SELECT page_view FROM page_views WHERE ${RANGE_FILTER} AND url = {url:String}
            AND multiIf(vw < ${TABLET_MIN_WIDTH}, 'mobile', vw < ${DESKTOP_MIN_WIDTH}, 'tablet', 'desktop') = {vc:String})
      )
      GROUP BY session ORDER BY last_ms DESC LIMIT {limit:UInt32}`,
    query_params: { ...f, selector, limit },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ session: string; n: string | number; last_ms: string | number }>()
  return rows.map((r) => ({ session: r.session, clicks: Number(r.n), last: Number(r.last_ms) }))
}
