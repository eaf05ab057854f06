import type { ClickHouseClient } from '@clickhouse/client'
import type { HeatCell } from './queryClickCells.ts'
import { RANGE_FILTER } from './range.ts'
import type { HeatmapFilter } from './heatmapFilter.ts'
import { DESKTOP_MIN_WIDTH, TABLET_MIN_WIDTH } from '../ingest/viewportClass.ts'

/**
 * A signal layer of the heatmap (rage, dead, error clicks, thrash zones, form struggles):
 * signals per element, drawn at the element's centre cell. The viewport
 * class comes from the page view's width.
 */
export async function querySignalSpots(client: ClickHouseClient, f: HeatmapFilter, type: string): Promise<HeatCell[]> {
  const rs = await client.query({
    query: `SELECT selector, count() AS n, uniqExact(session) AS s
      FROM signals FINAL
      WHERE ${RANGE_FILTER} AND url = {url:String} AND type = {type:String} AND selector != ''
        AND page_view IN (
          SELECT page_view FROM page_views
          WHERE ${RANGE_FILTER} AND url = {url:String}
            AND multiIf(vw < {tablet:UInt16}, 'mobile', vw < {desktop:UInt16}, 'tablet', 'desktop') = {vc:String})
      GROUP BY selector
      ORDER BY n DESC, selector
      LIMIT 5000`,
    query_params: { ...f, type, tablet: TABLET_MIN_WIDTH, desktop: DESKTOP_MIN_WIDTH },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ selector: string; n: string | number; s: string | number }>()
  return rows.map((r) => ({ selector: r.selector, gfx: 5, gfy: 5, clicks: Number(r.n), sessions: Number(r.s) }))
}
