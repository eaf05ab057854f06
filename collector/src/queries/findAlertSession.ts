import type { ClickHouseClient } from '@clickhouse/client'

/** The session of alert `id` on `site`, or undefined when the store has no such alert. */
export async function findAlertSession(
  client: ClickHouseClient,
  site: string,
  id: string,
): Promise<string | undefined> {
  const rs = await client.query({
    query: 'SELECT session FROM alerts WHERE site = {site:String} AND id = {id:String} LIMIT 1',
    query_params: { site, id },
    format: 'JSONEachRow',
  })
  return (await rs.json<{ session: string }>())[0]?.session
}
