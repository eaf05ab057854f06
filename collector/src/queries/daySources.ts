/**
 * The raw rows each UTC day of a site holds, per table the issue counts read (page views,
 * signals, goals), for days in `[{dayFrom}, {dayTo})` (epoch seconds): one row per day
 * (`day`, `views`, `hits`, `goals`). Late events for a day change them, so a day rolled
 * up with other figures is known to be stale. A subquery, not a query of its own.
 */
export const DAY_SOURCES = `SELECT day, sum(v) AS views, sum(h) AS hits, sum(g) AS goals FROM (
    SELECT day, count() AS v, toUInt64(0) AS h, toUInt64(0) AS g FROM page_views WHERE site = {site:String} AND ${inDays('day')} GROUP BY day
    UNION ALL
    SELECT day, 0, count(), 0 FROM signals WHERE site = {site:String} AND ${inDays('day')} GROUP BY day
    UNION ALL
    SELECT day, 0, 0, count() FROM goals WHERE site = {site:String} AND ${inDays('day')} GROUP BY day
  ) GROUP BY day`

/** `col` (a Date) in the days `[{dayFrom}, {dayTo})`, epoch seconds. */
export function inDays(col: string): string {
  return `${col} >= toDate(toDateTime({dayFrom:Int64}, 'UTC')) AND ${col} < toDate(toDateTime({dayTo:Int64}, 'UTC'))`
}

/** The day rows of the roll-up for one goal (`{goal}` and its URL `{patterns}`), newest roll per day. */
export const ROLLED_DAY_ROWS = `SELECT day, rolled, views, hits, goals FROM issue_day_totals FINAL
  WHERE site = {site:String} AND ${inDays('day')} AND goal = {goal:String} AND patterns = cityHash64({patterns:Array(String)}) AND kind = 'day'`
