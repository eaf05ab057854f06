import type { ClickHouseClient } from '@clickhouse/client'

/**
 * Who holds the migration lease for `target`: the earliest claimant whose latest claim is
 * younger than `staleMs` by the server's clock (see store/MigrationLease.ts).
 */
export async function queryLeaseHolder(
  client: ClickHouseClient,
  target: string,
  staleMs: number,
): Promise<string | undefined> {
  const rs = await client.query({
    query: `SELECT owner FROM wince_migration_lease WHERE target = {target:String}
        GROUP BY owner HAVING max(at) > now64(3) - toIntervalMillisecond({stale:UInt32})
        ORDER BY min(at), owner LIMIT 1`,
    query_params: { target, stale: staleMs },
    format: 'JSONEachRow',
  })
  return (await rs.json<{ owner: string }>())[0]?.owner
}
