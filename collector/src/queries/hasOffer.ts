import type { ClickHouseClient } from '@clickhouse/client'

/** Whether offer `offerId` was made to `session` of `site`. */
export async function hasOffer(
  client: ClickHouseClient,
  site: string,
  session: string,
  offerId: string,
): Promise<boolean> {
  const rs = await client.query({
    query: `SELECT 1 FROM offers WHERE site = {site:String} AND session = {session:String} AND id = {id:String} LIMIT 1`,
    query_params: { site, session, id: offerId },
    format: 'JSONEachRow',
  })
  return (await rs.json<unknown>()).length > 0
}
