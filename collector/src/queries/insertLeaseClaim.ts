import type { ClickHouseClient } from '@clickhouse/client'

/** Claims (or renews) the migration lease for `target`, stamped by the server's clock. */
export async function insertLeaseClaim(client: ClickHouseClient, target: string, owner: string): Promise<void> {
  // The server's clock, not ours: collectors' clocks may differ, the order of claims may not.
  await client.command({
    query: `INSERT INTO wince_migration_lease SELECT {target:String}, {owner:String}, now64(3)`,
    query_params: { target, owner },
  })
}
