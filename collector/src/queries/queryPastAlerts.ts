import type { ClickHouseClient } from '@clickhouse/client'
import type { PastAlert } from '../learning/calibrate.ts'
import { RANGE_FILTER, type Range } from './range.ts'

/** Most alerts a calibration looks at: a week of a busy site's alerts. */
const MAX_PAST_ALERTS = 50_000

/** The alerts that fired (not held) in a range, with their reasons and the weights they were scored with. */
export async function queryPastAlerts(client: ClickHouseClient, range: Range): Promise<PastAlert[]> {
  const rs = await client.query({
    query: `SELECT id, toUnixTimestamp64Milli(ts) AS ts_ms, url, score, reasons, explain
      FROM alerts FINAL WHERE ${RANGE_FILTER} AND held = 0
      ORDER BY ts LIMIT ${MAX_PAST_ALERTS}`,
    query_params: { ...range },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    id: string
    ts_ms: string | number
    url: string
    score: number
    reasons: string
    explain: string
  }>()
  // Both JSON columns were written by the ingest from checked values.
  return rows.map((r) => ({
    id: r.id,
    ts: Number(r.ts_ms),
    url: r.url,
    score: r.score,
    // Written by the collector from a checked alert (schema/beacon.ts).
    reasons: JSON.parse(r.reasons) as PastAlert['reasons'],
    // Written by the collector from the score's explanation, in this shape.
    ...(r.explain && { weights: (JSON.parse(r.explain) as { weights: PastAlert['weights'] }).weights }),
  }))
}
