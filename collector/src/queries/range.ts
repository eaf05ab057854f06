/** A time range in epoch ms, `from` inclusive, `to` exclusive. */
export interface Range {
  site: string
  from: number
  to: number
}

/**
 * The SQL filter every query starts with. `day` comes first so ClickHouse
 * prunes by the order key's prefix `(site, day, …)` before looking at `ts`.
 */
export const RANGE_FILTER = `site = {site:String}
  AND day BETWEEN toDate(fromUnixTimestamp64Milli({from:Int64}), 'UTC') AND toDate(fromUnixTimestamp64Milli({to:Int64}), 'UTC')
  AND ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`
