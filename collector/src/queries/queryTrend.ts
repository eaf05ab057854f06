import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { inSegment, segmentParams, type Segment } from './segment.ts'

/** Ranges up to this long are charted by hour, longer ones by day. */
export const HOURLY_UP_TO_MS = 3 * 24 * 3600 * 1000

/** Signals per time bucket and type over the range (of a segment's page views, if given): `{ t (bucket start, epoch ms), type, n }`. */
export async function queryTrend(
  client: ClickHouseClient,
  range: Range,
  segment: Segment = {},
): Promise<{ bucketMs: number; points: Array<{ t: number; type: string; n: number }> }> {
  const bucketMs = range.to - range.from <= HOURLY_UP_TO_MS ? 3600_000 : 86_400_000
  const rs = await client.query({
    query: `SELECT toUnixTimestamp(toStartOfInterval(ts, INTERVAL {bucket:UInt32} SECOND)) * 1000 AS t, type, count() AS n
      FROM signals FINAL WHERE ${RANGE_FILTER} ${inSegment(segment)}
      GROUP BY t, type ORDER BY t, type`,
    query_params: { ...range, ...segmentParams(segment), bucket: bucketMs / 1000 },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ t: string | number; type: string; n: string | number }>()
  return { bucketMs, points: rows.map((r) => ({ t: Number(r.t), type: r.type, n: Number(r.n) })) }
}
