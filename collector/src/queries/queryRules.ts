import type { ClickHouseClient } from '@clickhouse/client'
import type { Rule } from '../learning/Rule.ts'

/** Every rule's latest decision, of one site or of all (the collectors' shared rule book). */
export async function queryRules(client: ClickHouseClient, site?: string): Promise<Rule[]> {
  const rs = await client.query({
    query: `SELECT site, id, argMax(kind, at) AS kind, argMax(spec, at) AS spec, argMax(status, at) AS status,
        argMax(why, at) AS why, argMax(by, at) AS by, toUnixTimestamp64Milli(max(at)) AS at_ms
      FROM learning_rules ${site === undefined ? '' : 'WHERE site = {site:String}'}
      GROUP BY site, id ORDER BY at_ms`,
    query_params: { site: site ?? '' },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<Omit<Rule, 'spec' | 'at'> & { spec: string; at_ms: string | number }>()
  // The spec was written by insertRule from a checked rule: its JSON is the rule's own shape.
  return rows.map(({ at_ms, spec, ...r }) => ({ ...r, spec: JSON.parse(spec), at: Number(at_ms) }) as Rule)
}
