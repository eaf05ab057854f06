import type { ClickHouseClient } from '@clickhouse/client'

/** The ClickHouse server's version string, such as `24.8.4.13` (empty if it answers none). */
export async function queryServerVersion(client: ClickHouseClient): Promise<string> {
  const rs = await client.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' })
  const rows = await rs.json<{ v: string }>()
  return rows[0]?.v ?? ''
}
