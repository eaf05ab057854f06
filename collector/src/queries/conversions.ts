import { RANGE_FILTER } from './range.ts'

/**
 * Sessions that converted in the range, with the value of their goals: one row per
 * session (`session`, `converted` = 1, `value`). A goal counts when the page reported it
 * (`wince('goal', …)`, table `goals`, of name `{goal}` or any when '') or when a page view's
 * path matches one of `{patterns}` (the site's URL goals as regexes). A subquery for the
 * queries that need conversions, not a query of its own.
 */
export const CONVERSIONS = `SELECT session, toUInt8(1) AS converted, sum(value) AS value FROM (
    SELECT session, value FROM goals FINAL WHERE ${RANGE_FILTER} AND ({goal:String} = '' OR name = {goal:String})
    UNION ALL
    SELECT session, toFloat64(0) AS value FROM page_views
      WHERE ${RANGE_FILTER} AND notEmpty({patterns:Array(String)}) AND arrayExists(p -> match(path(url), p), {patterns:Array(String)})
  ) GROUP BY session`
