import type { ClickHouseClient } from '@clickhouse/client'

/** The latest decision about an issue. */
export interface IssueStatusRow {
  status: 'open' | 'fixed' | 'ignored'
  /** When it was set, epoch ms. */
  at: number
  by: string
}

/** The latest status of every issue of a site that ever had one set. */
export async function queryIssueStatuses(client: ClickHouseClient, site: string): Promise<Map<string, IssueStatusRow>> {
  const rs = await client.query({
    query: `SELECT issue, argMax(status, at) AS status, toUnixTimestamp64Milli(max(at)) AS at_ms, argMax(by, at) AS by
      FROM issue_status WHERE site = {site:String} GROUP BY issue`,
    query_params: { site },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    issue: string
    status: IssueStatusRow['status']
    at_ms: string | number
    by: string
  }>()
  return new Map(rows.map((r) => [r.issue, { status: r.status, at: Number(r.at_ms), by: r.by }]))
}
