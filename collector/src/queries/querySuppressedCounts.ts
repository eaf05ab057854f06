import type { ClickHouseClient } from '@clickhouse/client'

/** Signals and alerts each rule of a site suppressed (rows carry the rule while it is applied). */
export async function querySuppressedCounts(
  client: ClickHouseClient,
  site: string,
): Promise<Map<string, { signals: number; alerts: number }>> {
  const rs = await client.query({
    query: `SELECT rule, sum(signals) AS signals, sum(alerts) AS alerts FROM (
        SELECT suppressed AS rule, count() AS signals, 0 AS alerts FROM signals FINAL WHERE site = {site:String} AND suppressed != '' GROUP BY rule
        UNION ALL
        SELECT arrayJoin(splitByChar(',', suppressed)) AS rule, 0 AS signals, count() AS alerts FROM alerts FINAL WHERE site = {site:String} AND suppressed != '' AND held = 1 GROUP BY rule
      ) GROUP BY rule`,
    query_params: { site },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ rule: string; signals: string | number; alerts: string | number }>()
  return new Map(rows.map((r) => [r.rule, { signals: Number(r.signals), alerts: Number(r.alerts) }]))
}
