import type { ClickHouseClient } from '@clickhouse/client'
import type { Alert } from '../live/LiveBus.ts'
import { RANGE_FILTER, type Range } from './range.ts'

/** The newest struggle alerts of a site in a range, newest first. */
export async function queryRecentAlerts(client: ClickHouseClient, range: Range, limit = 100): Promise<Alert[]> {
  const rs = await client.query({
    query: `SELECT id, site, session, page_view, url, toUnixTimestamp64Milli(ts) AS ts_ms, score, reasons
      FROM alerts FINAL
      WHERE ${RANGE_FILTER}
      ORDER BY ts DESC, id
      LIMIT {limit:UInt32}`,
    query_params: { ...range, limit },
    format: 'JSONEachRow',
  })
  const rows = (await rs.json()) as Array<{ id: string; site: string; session: string; page_view: string; url: string; ts_ms: string | number; score: number; reasons: string }>
  return rows.map((r) => ({
    id: r.id,
    site: r.site,
    session: r.session,
    pageView: r.page_view,
    url: r.url,
    ts: Number(r.ts_ms),
    score: Number(r.score),
    reasons: JSON.parse(r.reasons) as Alert['reasons'],
  }))
}
