import type { ClickHouseClient } from '@clickhouse/client'
import type { Table } from '../store/Writer.ts'

/** Ids per query: keeps the parameter well under a server's URL limit (1 MiB by default). */
const IDS_PER_QUERY = 5_000

/** UTC day of an epoch-ms time, as the tables' `day` column holds it. */
const dayOf = (ms: number) => new Date(Number.isFinite(ms) ? ms : 0).toISOString().slice(0, 10)

/**
 * Which of these rows `table` already holds, by event id. Used only when replaying a
 * log segment whose insert may have run before a crash, so the range of days the rows
 * fall in (a prefix of every event table's order key after the site) keeps it cheap.
 */
export async function queryStoredIds(
  client: ClickHouseClient,
  table: Table,
  rows: Array<{ id: string; ts: number }>,
): Promise<Set<string>> {
  const stored = new Set<string>()
  if (rows.length === 0) return stored
  let from = Infinity
  let to = -Infinity
  for (const r of rows) {
    from = Math.min(from, r.ts)
    to = Math.max(to, r.ts)
  }
  for (let i = 0; i < rows.length; i += IDS_PER_QUERY) {
    const rs = await client.query({
      query: `SELECT DISTINCT id FROM {table:Identifier}
        WHERE day BETWEEN {from:Date} AND {to:Date} AND id IN {ids:Array(String)}`,
      query_params: { table, from: dayOf(from), to: dayOf(to), ids: rows.slice(i, i + IDS_PER_QUERY).map((r) => r.id) },
      format: 'JSONEachRow',
    })
    for (const { id } of await rs.json<{ id: string }>()) stored.add(id)
  }
  return stored
}
