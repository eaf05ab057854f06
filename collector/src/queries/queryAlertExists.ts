import type { ClickHouseClient } from '@clickhouse/client'

/** Whether a stored alert of a site has this id and session (a help request names its alert). */
export async function queryAlertExists(
  client: ClickHouseClient,
  site: string,
  id: string,
  session: string,
): Promise<{ url: string; ts: number } | undefined> {
  const rs = await client.query({
    query: `SELECT url, toUnixTimestamp64Milli(ts) AS ts_ms FROM alerts
      WHERE site = {site:String} AND id = {id:String} AND session = {session:String} LIMIT 1`,
    query_params: { site, id, session },
    format: 'JSONEachRow',
  })
  const [row] = await rs.json<{ url: string; ts_ms: string | number }>()
  return row && { url: row.url, ts: Number(row.ts_ms) }
}
