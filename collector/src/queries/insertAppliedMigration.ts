import type { ClickHouseClient } from '@clickhouse/client'

/** Records that the migration file `name` has been applied in full. */
export async function insertAppliedMigration(client: ClickHouseClient, name: string): Promise<void> {
  await client.insert({ table: 'wince_migrations', values: [{ name }], format: 'JSONEachRow' })
}
