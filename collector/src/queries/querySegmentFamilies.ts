import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'

/** One value a segment filter can take, with the page views that have it. */
export interface SegmentFamily {
  name: string
  views: number
}

/** The device classes, browser and OS families seen in a range, most viewed first: what the filters offer. */
export interface SegmentFamilies {
  devices: SegmentFamily[]
  browsers: SegmentFamily[]
  os: SegmentFamily[]
}

/** Families per list: more than a picker can usefully offer is noise (user agents are long-tailed). */
const FAMILIES_MAX = 30

/**
 * Page views per device class, browser and OS over the range, as stored per page view (the
 * names the filters must be given: `Mobile Safari`, not `Safari`). Page views stored before
 * the User-Agent was kept have none, and are left out.
 */
export async function querySegmentFamilies(client: ClickHouseClient, range: Range): Promise<SegmentFamilies> {
  const rs = await client.query({
    query: `SELECT kind, name, views FROM (
        SELECT 'devices' AS kind, device AS name, uniqExact(page_view) AS views FROM page_views WHERE ${RANGE_FILTER} AND device != '' GROUP BY name
        UNION ALL
        SELECT 'browsers' AS kind, browser AS name, uniqExact(page_view) AS views FROM page_views WHERE ${RANGE_FILTER} AND browser != '' GROUP BY name
        UNION ALL
        SELECT 'os' AS kind, os AS name, uniqExact(page_view) AS views FROM page_views WHERE ${RANGE_FILTER} AND os != '' GROUP BY name
      )
      ORDER BY kind, views DESC, name
      LIMIT {max:UInt32} BY kind`,
    query_params: { ...range, max: FAMILIES_MAX },
    format: 'JSONEachRow',
  })
  const families: SegmentFamilies = { devices: [], browsers: [], os: [] }
  for (const r of await rs.json<{ kind: keyof SegmentFamilies; name: string; views: string | number }>())
    families[r.kind].push({ name: r.name, views: Number(r.views) })
  return families
}
