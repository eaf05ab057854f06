import type { ClickHouseClient } from '@clickhouse/client'
import type { Rule } from '../learning/Rule.ts'

/** Records an admin's decision on a rule (the latest row of a rule wins). */
export async function insertRule(client: ClickHouseClient, rule: Rule): Promise<void> {
  const { site, id, kind, spec, status, why, by, at } = rule
  await client.insert({
    table: 'learning_rules',
    values: [{ site, id, kind, spec: JSON.stringify(spec), status, why, by, at }],
    format: 'JSONEachRow',
  })
}
