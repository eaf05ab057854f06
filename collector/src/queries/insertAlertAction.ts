import type { ClickHouseClient } from '@clickhouse/client'
import type { AlertState } from '../live/LiveBus.ts'

/** Records what an agent did about an alert (claimed, resolved, dismissed, reopened); the latest row wins. */
export async function insertAlertAction(
  client: ClickHouseClient,
  row: { site: string; alert_id: string; at: number; state: AlertState; by: string; note: string },
): Promise<void> {
  await client.insert({ table: 'alert_actions', values: [row], format: 'JSONEachRow' })
}
