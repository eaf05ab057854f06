/**
 * The events each UTC day of a site received, per table the issue counts read (page
 * views, signals, goals), for days in `[{dayFrom}, {dayTo})` (epoch seconds), as counted
 * on insert (`day_events`, 0016: never lowered by merges): one row per day (`day`,
 * `views`, `hits`, `goals`). Late events for a day raise them, so a day rolled up with
 * other figures is known to be stale. A subquery, not a query of its own.
 */
export const DAY_SOURCES = `SELECT day, sum(views) AS views, sum(hits) AS hits, sum(goals) AS goals
  FROM day_events WHERE site = {site:String} AND ${inDays('day')} GROUP BY day`

/** `col` (a Date) in the days `[{dayFrom}, {dayTo})`, epoch seconds. */
export function inDays(col: string): string {
  return `${col} >= toDate(toDateTime({dayFrom:Int64}, 'UTC')) AND ${col} < toDate(toDateTime({dayTo:Int64}, 'UTC'))`
}

/** The day rows of the roll-up for one goal (`{goal}` and its URL `{patterns}`), newest roll per day. */
export const ROLLED_DAY_ROWS = `SELECT day, rolled, views, hits, goals FROM issue_day_totals FINAL
  WHERE site = {site:String} AND ${inDays('day')} AND goal = {goal:String} AND patterns = cityHash64({patterns:Array(String)}) AND kind = 'day'`
