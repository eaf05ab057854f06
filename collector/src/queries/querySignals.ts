import type { ClickHouseClient } from '@clickhouse/client'
import type { SignalType } from '@wince/snippet/wire'
import { RANGE_FILTER, type Range } from './range.ts'

/** One signal as the API returns it (contract: `GET /api/signals`). */
export interface SignalRow {
  type: SignalType
  /** Epoch ms. */
  ts: number
  session: string
  url: string
  selector: string
  label: string
  x: number
  y: number
  n: number
  ms: number
  why: string
  id: string
  /** The applied rule that suppressed it (stored, not scored), or ''. */
  suppressed: string
  /** Pointer type of a click signal (`mouse`, `touch`, `pen`), '' when not made by a pointer or not sent (migration 0014). */
  pointer: string
}

export interface SignalFilter extends Range {
  session?: string | undefined
  type?: string | undefined
  /** Default 10,000: enough for a session or a page, bounded for the dashboard. */
  limit?: number | undefined
}

/** Signals of a site in a range, optionally of one session or type, oldest first. */
export async function querySignals(client: ClickHouseClient, f: SignalFilter): Promise<SignalRow[]> {
  const rs = await client.query({
    query: `SELECT type, toUnixTimestamp64Milli(ts) AS ts_ms, session, url, selector, label, x, y, n, ms, why, id, suppressed, pointer
      FROM signals FINAL
      WHERE ${RANGE_FILTER}
        AND ({session:String} = '' OR session = {session:String})
        AND ({type:String} = '' OR type = {type:String})
      ORDER BY ts, id
      LIMIT {limit:UInt32}`,
    query_params: {
      site: f.site,
      from: f.from,
      to: f.to,
      session: f.session ?? '',
      type: f.type ?? '',
      limit: f.limit ?? 10_000,
    },
    format: 'JSONEachRow',
  })
  // Not aliased `ts`: in ClickHouse an alias would replace the column in WHERE too.
  const rows = await rs.json<Omit<SignalRow, 'ts'> & { ts_ms: number | string }>()
  return rows.map(({ ts_ms, ...r }) => ({ ...r, ts: Number(ts_ms) }))
}
