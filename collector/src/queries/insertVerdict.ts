import type { ClickHouseClient } from '@clickhouse/client'
import type { Verdict } from '../learning/Verdict.ts'

/** Stores an agent's verdict. */
export async function insertVerdict(client: ClickHouseClient, v: Verdict): Promise<void> {
  await client.insert({
    table: 'verdicts',
    values: [
      {
        site: v.site,
        issue: v.issue,
        url: v.url,
        selector: v.selector,
        type: v.type,
        alert_id: v.alertId,
        verdict: v.verdict,
        reason: v.reason,
        by: v.by,
        at: v.at,
      },
    ],
    format: 'JSONEachRow',
  })
}
