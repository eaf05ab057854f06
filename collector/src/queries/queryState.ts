import type { ClickHouseClient } from '@clickhouse/client'

/** The live records of one kind in `shared_state`: the latest row per key, unless it removed the key. */
export async function queryState(client: ClickHouseClient, kind: string): Promise<Map<string, string>> {
  const rs = await client.query({
    query: `SELECT key, argMax(value, at) AS value
      FROM shared_state WHERE kind = {kind:String}
      GROUP BY key HAVING argMax(deleted, at) = 0`,
    query_params: { kind },
    format: 'JSONEachRow',
  })
  return new Map((await rs.json<{ key: string; value: string }>()).map((r) => [r.key, r.value]))
}
