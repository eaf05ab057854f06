import type { ClickHouseClient } from '@clickhouse/client'

/** One stored snapshot of a page in a viewport class; `snap` is the masked, URL-neutralized DOM as JSON. */
export interface SnapshotRow {
  site: string
  url: string
  vc: string
  ts: number
  vw: number
  vh: number
  dw: number
  dh: number
  snap: string
}

/** Stores a page snapshot (the latest per page and viewport class is the one shown). */
export async function insertSnapshot(client: ClickHouseClient, row: SnapshotRow): Promise<void> {
  await client.insert({ table: 'snapshots', values: [row], format: 'JSONEachRow' })
}
