import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from '../ApiError.ts'
import { queryClickCells, type HeatCell } from '../queries/queryClickCells.ts'
import { querySignalSpots } from '../queries/querySignalSpots.ts'
import { queryScrollBands } from '../queries/queryScrollBands.ts'
import { queryLatestSnapshot } from '../queries/queryLatestSnapshot.ts'
import { queryHotspotSessions } from '../queries/queryHotspotSessions.ts'
import { queryPageList } from '../queries/queryPageList.ts'
import { valid } from '../validate/valid.ts'
import { heatmapLayerQuery, heatmapQuery, hotspotQuery, rangeQuery } from '../validate/queries.ts'

/** One element of a heatmap: its clicks (or signals) and the sessions behind them. */
export interface Hotspot {
  selector: string
  clicks: number
  sessions: number
}

/** Elements of a heatmap ranked: what the hotspot list shows. */
export function hotspots(cells: HeatCell[]): Hotspot[] {
  const by = new Map<string, Hotspot>()
  for (const c of cells) {
    const h = by.get(c.selector) ?? { selector: c.selector, clicks: 0, sessions: 0 }
    h.clicks += c.clicks
    // Sessions per cell overlap; the largest cell's count is a lower bound the list can show honestly.
    h.sessions = Math.max(h.sessions, c.sessions)
    by.set(c.selector, h)
  }
  return [...by.values()].sort((a, b) => b.clicks - a.clicks || a.selector.localeCompare(b.selector))
}

/** `/api/heatmap`, `/api/snapshot`, `/api/scroll`, `/api/pages`: what digital teams look at on a page. */
export function heatmapApi(client: ClickHouseClient) {
  return new Hono()
    .get('/pages', valid('query', rangeQuery), async (c) =>
      c.json({ pages: await queryPageList(client, c.req.valid('query')) }),
    )
    .get('/heatmap', valid('query', heatmapLayerQuery), async (c) => {
      const { layer, ...f } = c.req.valid('query')
      const cells = layer === 'clicks' ? await queryClickCells(client, f) : await querySignalSpots(client, f, layer)
      return c.json({ layer, cells, hotspots: hotspots(cells).slice(0, 100) })
    })
    .get('/heatmap/sessions', valid('query', hotspotQuery), async (c) => {
      const { selector, ...f } = c.req.valid('query')
      return c.json({ sessions: await queryHotspotSessions(client, f, selector) })
    })
    .get('/snapshot', valid('query', heatmapQuery), async (c) => {
      const f = c.req.valid('query')
      const snapshot = await queryLatestSnapshot(client, f.site, f.url, f.vc)
      if (!snapshot)
        throw new ApiError(404, `no snapshot yet of ${f.url} (${f.vc}): it is taken on a next visit to the page`)
      return c.json(snapshot)
    })
    .get('/scroll', valid('query', heatmapQuery), async (c) =>
      c.json(await queryScrollBands(client, c.req.valid('query'))),
    )
}
