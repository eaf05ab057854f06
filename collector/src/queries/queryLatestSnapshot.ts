import type { ClickHouseClient } from '@clickhouse/client'

export interface StoredSnapshot {
  ts: number
  vw: number
  vh: number
  dw: number
  dh: number
  /** rrweb-snapshot serialized node. */
  snap: unknown
}

/** The newest snapshot of a page at a viewport class, if any. */
export async function queryLatestSnapshot(
  client: ClickHouseClient,
  site: string,
  url: string,
  vc: string,
): Promise<StoredSnapshot | undefined> {
  const rs = await client.query({
    query: `SELECT toUnixTimestamp64Milli(ts) AS ts_ms, vw, vh, dw, dh, snap FROM snapshots
      WHERE site = {site:String} AND url = {url:String} AND vc = {vc:String}
      ORDER BY ts DESC LIMIT 1`,
    query_params: { site, url, vc },
    format: 'JSONEachRow',
  })
  const row = (
    await rs.json<{ ts_ms: string | number; vw: number; vh: number; dw: number; dh: number; snap: string }>()
  )[0]
  return row && { ts: Number(row.ts_ms), vw: row.vw, vh: row.vh, dw: row.dw, dh: row.dh, snap: JSON.parse(row.snap) }
}
