import { RANGE_FILTER } from './range.ts'

/** A segment of visitors: device class, browser and OS families ('' = any), as stored per page view. */
export interface Segment {
  device?: string
  browser?: string
  os?: string
}

/** The query parameters of a segment (every one given, '' for any). */
export const segmentParams = (s: Segment) => ({ device: s.device ?? '', browser: s.browser ?? '', os: s.os ?? '' })

/** Whether a segment narrows anything: the filters below cost a subquery only then. */
export const hasSegment = (s: Segment): boolean => !!(s.device || s.browser || s.os)

/** The segment's condition on `page_views` rows. */
export const SEGMENT_FILTER = `({device:String} = '' OR device = {device:String})
  AND ({browser:String} = '' OR browser = {browser:String})
  AND ({os:String} = '' OR os = {os:String})`

/**
 * The segment's condition on rows of any per-page-view table (signals, clicks…): their
 * page view is one of the segment's. A constant fragment, chosen by {@link hasSegment};
 * the values are query parameters.
 */
export const inSegment = (s: Segment): string =>
  hasSegment(s) ? `AND page_view IN (SELECT page_view FROM page_views WHERE ${RANGE_FILTER} AND ${SEGMENT_FILTER})` : ''

/**
 * A page URL's path as `issuePath()` (issues/issueId.ts) makes it: no origin, query or
 * fragment, no trailing slash (but `/`). The two are held equal by a test.
 */
export const issuePathSql = (col: string): string =>
  `if(path(${col}) = '', '/', if(length(path(${col})) > 1 AND endsWith(path(${col}), '/'), substring(path(${col}), 1, length(path(${col})) - 1), path(${col})))`
