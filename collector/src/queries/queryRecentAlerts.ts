import type { ClickHouseClient } from '@clickhouse/client'
import type { Alert, AlertState } from '../live/LiveBus.ts'
import { RANGE_FILTER, type Range } from './range.ts'

/** The newest struggle alerts of a site in a range, newest first, with where agents are with each. */
export async function queryRecentAlerts(client: ClickHouseClient, range: Range, limit = 100): Promise<Alert[]> {
  const rs = await client.query({
    query: `SELECT a.id AS id, a.site AS site, a.session AS session, a.page_view AS page_view, a.url AS url,
        toUnixTimestamp64Milli(a.ts) AS ts_ms, a.score AS score, a.reasons AS reasons, s.state AS state, s.by AS by
      FROM (
        SELECT id, site, session, page_view, url, ts, score, reasons FROM alerts FINAL
        WHERE ${RANGE_FILTER} AND held = 0
        ORDER BY ts DESC, id
        LIMIT {limit:UInt32}
      ) AS a
      LEFT JOIN (
        SELECT alert_id, argMax(state, at) AS state, argMax(by, at) AS by
        FROM alert_actions WHERE site = {site:String} GROUP BY alert_id
      ) AS s ON s.alert_id = a.id
      ORDER BY a.ts DESC, a.id`,
    query_params: { ...range, limit },
    format: 'JSONEachRow',
  })
  const rows = (await rs.json()) as Array<{ id: string; site: string; session: string; page_view: string; url: string; ts_ms: string | number; score: number; reasons: string; state: string; by: string }>
  return rows.map((r) => ({
    id: r.id,
    site: r.site,
    session: r.session,
    pageView: r.page_view,
    url: r.url,
    ts: Number(r.ts_ms),
    score: Number(r.score),
    reasons: JSON.parse(r.reasons) as Alert['reasons'],
    state: (r.state || 'open') as AlertState,
    ...(r.by && { stateBy: r.by }),
  }))
}
