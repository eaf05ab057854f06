import type { ClickHouseClient } from '@clickhouse/client'

/** One run of a session's recording; `events` is the masked, URL-neutralized rrweb events as JSON. */
export interface ReplayChunkRow {
  site: string
  session: string
  page_view: string
  seq: number
  ts: number
  alert: string
  events: string
}

/** Stores one replay run of a session. */
export async function insertReplayChunk(client: ClickHouseClient, row: ReplayChunkRow): Promise<void> {
  await client.insert({ table: 'replay_chunks', values: [row], format: 'JSONEachRow' })
}
