import type { ClickHouseClient } from '@clickhouse/client'

/** Whether `session` ever viewed a page of `site` (or struggled on one). */
export async function hasSession(client: ClickHouseClient, site: string, session: string): Promise<boolean> {
  const rs = await client.query({
    query: `SELECT 1 FROM page_views WHERE site = {site:String} AND session = {session:String}
      UNION ALL SELECT 1 FROM alerts WHERE site = {site:String} AND session = {session:String} LIMIT 1`,
    query_params: { site, session },
    format: 'JSONEachRow',
  })
  return (await rs.json<unknown>()).length > 0
}
