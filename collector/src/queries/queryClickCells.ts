import type { ClickHouseClient } from '@clickhouse/client'
import { DAY_FILTER, type HeatmapFilter } from './heatmapFilter.ts'

/** Clicks on one cell of one element: `gfx`/`gfy` is the cell of a 10×10 grid over the element's box. */
export interface HeatCell {
  selector: string
  gfx: number
  gfy: number
  clicks: number
  sessions: number
}

/** Cells a heatmap draws at most: beyond this the faintest ones add nothing visible. */
export const MAX_CELLS = 20_000

/** The click heatmap of a page: clicks per element cell, from the pre-aggregated `click_cells`. */
export async function queryClickCells(client: ClickHouseClient, f: HeatmapFilter): Promise<HeatCell[]> {
  const rs = await client.query({
    query: `SELECT selector, gfx, gfy, sum(clicks) AS n, uniqMerge(sessions) AS s
      FROM click_cells
      WHERE ${DAY_FILTER}
      GROUP BY selector, gfx, gfy
      ORDER BY n DESC, selector, gfx, gfy
      LIMIT {limit:UInt32}`,
    query_params: { ...f, limit: MAX_CELLS },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    selector: string
    gfx: number
    gfy: number
    n: string | number
    s: string | number
  }>()
  return rows.map((r) => ({ selector: r.selector, gfx: r.gfx, gfy: r.gfy, clicks: Number(r.n), sessions: Number(r.s) }))
}
