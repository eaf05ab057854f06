import type { ClickHouseClient } from '@clickhouse/client'

export interface ReplayRun {
  pageView: string
  seq: number
  ts: number
  alert: string
  /** rrweb events. */
  events: unknown[]
}

/** A session's replay runs in time order; `after` (epoch ms) returns only runs that started later, for following live. */
export async function queryReplay(
  client: ClickHouseClient,
  site: string,
  session: string,
  after = 0,
): Promise<ReplayRun[]> {
  const rs = await client.query({
    query: `SELECT page_view, seq, toUnixTimestamp64Milli(ts) AS ts_ms, alert, events FROM replay_chunks FINAL
      WHERE site = {site:String} AND session = {session:String} AND ts > fromUnixTimestamp64Milli({after:Int64}, 'UTC')
      ORDER BY ts, page_view, seq LIMIT 2000`,
    query_params: { site, session, after },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    page_view: string
    seq: number
    ts_ms: string | number
    alert: string
    events: string
  }>()
  return rows.map((r) => ({
    pageView: r.page_view,
    seq: r.seq,
    ts: Number(r.ts_ms),
    alert: r.alert,
    // A stored replay run: an array of rrweb events (checked on upload).
    events: JSON.parse(r.events) as unknown[],
  }))
}
