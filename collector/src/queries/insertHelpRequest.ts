import type { ClickHouseClient } from '@clickhouse/client'

/** Records that a visitor asked for an agent about an alert. */
export async function insertHelpRequest(
  client: ClickHouseClient,
  row: { site: string; alert_id: string; session: string; at: number },
): Promise<void> {
  await client.insert({ table: 'help_requests', values: [row], format: 'JSONEachRow' })
}
