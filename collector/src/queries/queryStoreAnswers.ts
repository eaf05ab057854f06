import type { ClickHouseClient } from '@clickhouse/client'

/** The cheapest query that proves the store answers: resolves once it has, rejects on any failure. */
export async function queryStoreAnswers(client: ClickHouseClient): Promise<void> {
  const rs = await client.query({ query: 'SELECT 1 AS ok', format: 'JSONEachRow' })
  await rs.json()
}
