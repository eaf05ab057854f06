import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER } from './range.ts'
import type { HeatmapFilter } from './heatmapFilter.ts'

/** Bands the page is cut into for scroll depth: 5 % each. */
export const SCROLL_BANDS = 20

/** Share of page views (0–1) whose viewport reached each band, top band first; and how many views. */
export async function queryScrollBands(
  client: ClickHouseClient,
  f: HeatmapFilter,
): Promise<{ views: number; reached: number[] }> {
  const rs = await client.query({
    query: `SELECT b, count() AS views, countIf(depth >= height * b / {bands:UInt8}) AS reached
      FROM scroll_depth FINAL
      ARRAY JOIN range({bands:UInt8}) AS b
      WHERE ${RANGE_FILTER} AND url = {url:String} AND vc = {vc:String} AND height > 0
      GROUP BY b ORDER BY b`,
    query_params: { ...f, bands: SCROLL_BANDS },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ b: number; views: string | number; reached: string | number }>()
  const views = Number(rows[0]?.views ?? 0)
  return { views, reached: rows.map((r) => (views ? Number(r.reached) / views : 0)) }
}
