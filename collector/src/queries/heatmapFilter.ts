import type { Range } from './range.ts'

/** What a heatmap is of: one page of a site at one viewport class, in a date range. */
export interface HeatmapFilter extends Range {
  url: string
  vc: string
}

/** Day-granular filter for the per-day cell tables (`click_cells`). */
export const DAY_FILTER = `site = {site:String} AND url = {url:String} AND vc = {vc:String}
  AND day BETWEEN toDate(fromUnixTimestamp64Milli({from:Int64}), 'UTC') AND toDate(fromUnixTimestamp64Milli({to:Int64}), 'UTC')`
