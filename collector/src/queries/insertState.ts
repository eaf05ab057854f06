import type { ClickHouseClient } from '@clickhouse/client'

/** Records a change of one `shared_state` record (`value` undefined: removed). */
export async function insertState(
  client: ClickHouseClient,
  kind: string,
  key: string,
  value: string | undefined,
  at = Date.now(),
): Promise<void> {
  await client.insert({
    table: 'shared_state',
    values: [{ kind, key, at, value: value ?? '', deleted: value === undefined ? 1 : 0 }],
    format: 'JSONEachRow',
  })
}
