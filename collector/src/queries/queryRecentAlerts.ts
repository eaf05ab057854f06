import type { ClickHouseClient } from '@clickhouse/client'
import type { DeviceClass } from '../ingest/parseUserAgent.ts'
import type { Alert, AlertState } from '../live/LiveBus.ts'
import { RANGE_FILTER, type Range } from './range.ts'

interface Row {
  id: string
  site: string
  session: string
  page_view: string
  url: string
  ts_ms: string | number
  score: number
  reasons: string
  state: string
  by: string
  issue: string
  device: string
  browser: string
  os: string
  lang: string
  entry: string
  referrer: string
  pages: number
  started_at: string | number
  help_ms: string | number
  explain: string
}

/** The newest struggle alerts of a site in a range, newest first, with where agents are with each and whether the visitor asked for help. */
export async function queryRecentAlerts(client: ClickHouseClient, range: Range, limit = 100): Promise<Alert[]> {
  const rs = await client.query({
    query: `SELECT a.id AS id, a.site AS site, a.session AS session, a.page_view AS page_view, a.url AS url,
        toUnixTimestamp64Milli(a.ts) AS ts_ms, a.score AS score, a.reasons AS reasons, s.state AS state, s.by AS by,
        a.issue AS issue, a.device AS device, a.browser AS browser, a.os AS os, a.lang AS lang, a.entry AS entry,
        a.referrer AS referrer, a.pages AS pages, a.started_at AS started_at, h.help_ms AS help_ms, a.explain AS explain
      FROM (
        SELECT id, site, session, page_view, url, ts, score, reasons, issue, device, browser, os, lang, entry, referrer, pages, started_at, explain
        FROM alerts FINAL
        WHERE ${RANGE_FILTER} AND held = 0
        ORDER BY ts DESC, id
        LIMIT {limit:UInt32}
      ) AS a
      LEFT JOIN (
        SELECT alert_id, argMax(state, at) AS state, argMax(by, at) AS by
        FROM alert_actions WHERE site = {site:String} GROUP BY alert_id
      ) AS s ON s.alert_id = a.id
      LEFT JOIN (
        SELECT alert_id, session, toUnixTimestamp64Milli(min(at)) AS help_ms
        FROM help_requests WHERE site = {site:String} AND at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        GROUP BY alert_id, session
      ) AS h ON h.alert_id = a.id AND h.session = a.session
      ORDER BY a.ts DESC, a.id`,
    query_params: { ...range, limit },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<Row>()
  return rows.map((r) => {
    const helpAt = Number(r.help_ms)
    const startedAt = Number(r.started_at)
    return {
      id: r.id,
      site: r.site,
      session: r.session,
      pageView: r.page_view,
      url: r.url,
      ts: Number(r.ts_ms),
      score: Number(r.score),
      // Written by the collector from a checked alert (schema/beacon.ts).
      reasons: JSON.parse(r.reasons) as Alert['reasons'],
      // The column holds only AlertState values (insertAlertAction writes them).
      state: (r.state || 'open') as AlertState,
      ...(r.by && { stateBy: r.by }),
      // Written by the ingest from the rules it applied (migration 0011); '' before them.
      ...(r.explain && { explain: JSON.parse(r.explain) as NonNullable<Alert['explain']> }),
      ...(r.issue && { issue: r.issue }),
      // The column holds only DeviceClass values (parseUserAgent writes them).
      ...(r.device && { device: r.device as DeviceClass, browser: r.browser, os: r.os }),
      ...(r.device && { lang: r.lang, entry: r.entry, referrer: r.referrer, pages: Number(r.pages) }),
      ...(startedAt > 0 && { startedAt }),
      ...(helpAt > 0 && { help: 'requested' as const, helpAt }),
    }
  })
}
