import type { ClickHouseClient } from '@clickhouse/client'

/** The names of the migration files already applied to this store (`wince_migrations`). */
export async function queryAppliedMigrations(client: ClickHouseClient): Promise<Set<string>> {
  const rs = await client.query({ query: 'SELECT DISTINCT name FROM wince_migrations', format: 'JSONEachRow' })
  return new Set((await rs.json<{ name: string }>()).map((r) => r.name))
}
