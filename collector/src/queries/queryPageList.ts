import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'

/** Pages of a site with views in the range, most viewed first (for the heatmap's page picker). */
export async function queryPageList(
  client: ClickHouseClient,
  range: Range,
  limit = 200,
): Promise<Array<{ url: string; views: number }>> {
  const rs = await client.query({
    query: `SELECT url, uniqExact(page_view) AS views FROM page_views WHERE ${RANGE_FILTER}
      GROUP BY url ORDER BY views DESC, url LIMIT {limit:UInt32}`,
    query_params: { ...range, limit },
    format: 'JSONEachRow',
  })
  return (await rs.json<{ url: string; views: string | number }>()).map((r) => ({
    url: r.url,
    views: Number(r.views),
  }))
}
