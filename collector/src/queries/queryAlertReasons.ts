import type { ClickHouseClient } from '@clickhouse/client'
import type { Reason } from '@wince/snippet/wire'

/** A stored alert's page and reasons, or undefined when the store has no such alert. */
export async function queryAlertReasons(
  client: ClickHouseClient,
  site: string,
  id: string,
): Promise<{ url: string; reasons: Reason[] } | undefined> {
  const rs = await client.query({
    query: 'SELECT url, reasons FROM alerts WHERE site = {site:String} AND id = {id:String} LIMIT 1',
    query_params: { site, id },
    format: 'JSONEachRow',
  })
  const row = (await rs.json<{ url: string; reasons: string }>())[0]
  // `reasons` was written by the ingest from a checked struggle event.
  return row && { url: row.url, reasons: JSON.parse(row.reasons) as Reason[] }
}
