import type { Range } from './range.ts'
import { SEGMENT_FILTER, type Segment } from './segment.ts'

/**
 * What a heatmap is of: one page of a site at one viewport class, in a date range; and
 * optionally only the page views of one browser and/or OS family (the viewport class
 * stands for the device class here).
 */
export interface HeatmapFilter extends Range {
  url: string
  vc: string
  browser?: string
  os?: string
}

/** Day-granular filter for the per-day cell tables (`click_cells`). */
export const DAY_FILTER = `site = {site:String} AND url = {url:String} AND vc = {vc:String}
  AND day BETWEEN toDate(fromUnixTimestamp64Milli({from:Int64}), 'UTC') AND toDate(fromUnixTimestamp64Milli({to:Int64}), 'UTC')`

/** The heatmap's browser/OS segment (no device: the viewport class is the heatmap's own). */
export const heatmapSegment = (f: HeatmapFilter): Segment => ({
  ...(f.browser && { browser: f.browser }),
  ...(f.os && { os: f.os }),
})

/**
 * Page views of the segment whose clicks the day-granular heatmap may hold: those of the
 * days of the range and the day before (a page view opened before midnight takes clicks
 * after it). Browser and OS are kept per page view only, so a segmented heatmap reads
 * the raw clicks of these page views instead of `click_cells`.
 */
export const SEGMENT_PAGE_VIEWS = `page_view IN (SELECT page_view FROM page_views WHERE site = {site:String}
  AND day BETWEEN toDate(fromUnixTimestamp64Milli({from:Int64}), 'UTC') - 1 AND toDate(fromUnixTimestamp64Milli({to:Int64}), 'UTC')
  AND ${SEGMENT_FILTER})`
