import type { ClickHouseClient } from '@clickhouse/client'

/** The pages a session viewed, oldest first (time on site is the span from the first). */
export async function querySessionPages(
  client: ClickHouseClient,
  site: string,
  session: string,
): Promise<Array<{ url: string; ts: number; pageView: string }>> {
  const rs = await client.query({
    query: `SELECT url, toUnixTimestamp64Milli(ts) AS ts_ms, page_view FROM page_views FINAL
      WHERE site = {site:String} AND session = {session:String}
      ORDER BY ts LIMIT 500`,
    query_params: { site, session },
    format: 'JSONEachRow',
  })
  return (await rs.json<{ url: string; ts_ms: string | number; page_view: string }>()).map((r) => ({
    url: r.url,
    ts: Number(r.ts_ms),
    pageView: r.page_view,
  }))
}
