import type { ClickHouseClient } from '@clickhouse/client'

/** Records a decision about an issue (the latest row wins). */
export async function insertIssueStatus(
  client: ClickHouseClient,
  row: { site: string; issue: string; status: string; by: string; at?: number },
): Promise<void> {
  await client.insert({
    table: 'issue_status',
    values: [{ site: row.site, issue: row.issue, status: row.status, by: row.by, at: row.at ?? Date.now() }],
    format: 'JSONEachRow',
  })
}
