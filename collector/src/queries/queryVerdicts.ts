import type { ClickHouseClient } from '@clickhouse/client'
import type { Verdict } from '../learning/Verdict.ts'

/** Most verdicts read at once: a year of a busy team's verdicts on one site. */
const MAX_VERDICTS = 100_000

/** A site's verdicts, oldest first (of one issue when `issue` is given). */
export async function queryVerdicts(client: ClickHouseClient, site: string, issue?: string): Promise<Verdict[]> {
  const rs = await client.query({
    query: `SELECT site, issue, url, selector, type, alert_id, verdict, reason, by, toUnixTimestamp64Milli(at) AS at_ms
      FROM verdicts WHERE site = {site:String} ${issue ? 'AND issue = {issue:String}' : ''}
      ORDER BY at LIMIT ${MAX_VERDICTS}`,
    query_params: { site, issue: issue ?? '' },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<Omit<Verdict, 'alertId' | 'at'> & { alert_id: string; at_ms: string | number }>()
  return rows.map(({ alert_id, at_ms, ...v }) => ({ ...v, alertId: alert_id, at: Number(at_ms) }))
}
