import type { ClickHouseClient } from '@clickhouse/client'

/**
 * Marks a page's stored snapshots stale ("take a new snapshot"): the next page views are asked for one.
 * `url` `''` marks every page of the site.
 */
export async function insertSnapshotRefresh(
  client: ClickHouseClient,
  row: { site: string; url: string; by: string; at: number },
): Promise<void> {
  await client.insert({ table: 'snapshot_refresh', values: [row], format: 'JSONEachRow' })
}
