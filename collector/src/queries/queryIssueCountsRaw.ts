import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { CONVERSIONS } from './conversions.ts'
import { inSegment, issuePathSql, segmentParams, SEGMENT_FILTER, type Segment } from './segment.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/** One issue's counts: its sessions and theirs conversions, and those of every session on its page. */
export interface IssueCounts {
  path: string
  selector: string
  type: string
  label: string
  /** A URL of the page as seen (the least of them, so every query picks the same), for links back to it. */
  url: string
  sessions: number
  signals: number
  firstSeen: number
  lastSeen: number
  /** Of `sessions`, how many converted, and the value of their goals. */
  converted: number
  value: number
  /** Sessions that viewed the page (those that met the issue included), converted, and their value. */
  pageSessions: number
  pageConverted: number
  pageValue: number
}

/**
 * Per issue — (page path, element, signal type) — the sessions that met it and how many of
 * them converted, beside the same for every session that viewed that page (a session
 * that met an issue on a page viewed it, even if its page event fell outside the range).
 * Signals not tied to an element are left out: there is nothing to fix on a page at large.
 *
 * Read from the raw events: the segment filters need each page view's device, browser and
 * OS, which the per-session summary does not keep (see queryIssueCounts.ts, the fast path
 * that gives the same figures without a segment).
 */
export async function queryIssueCountsRaw(
  client: ClickHouseClient,
  range: Range,
  goals: GoalMatch,
  segment: Segment = {},
  limit = 200,
): Promise<IssueCounts[]> {
  const path = issuePathSql('url')
  const rs = await client.query({
    query: `WITH conv AS (${CONVERSIONS}),
      hit AS (
        SELECT ${path} AS page, selector, type, session, count() AS n, min(ts) AS first, max(ts) AS last, any(label) AS lb, min(url) AS seen_url
        FROM signals FINAL WHERE ${RANGE_FILTER} AND selector != '' ${inSegment(segment)}
        GROUP BY page, selector, type, session
      ),
      issue AS (
        SELECT page, selector, type, any(lb) AS label, min(seen_url) AS page_url, count() AS sessions, sum(n) AS signals,
          toUnixTimestamp64Milli(min(first)) AS first_ms, toUnixTimestamp64Milli(max(last)) AS last_ms,
          sum(converted) AS conv_n, sum(value) AS conv_value
        FROM hit LEFT JOIN conv USING session
        GROUP BY page, selector, type
      ),
      viewer AS (
        SELECT DISTINCT page, session FROM (
          SELECT ${path} AS page, session FROM page_views WHERE ${RANGE_FILTER} AND ${SEGMENT_FILTER}
          UNION ALL
          SELECT page, session FROM hit
        ) WHERE page IN (SELECT page FROM issue)
      ),
      page_conv AS (
        SELECT page, count() AS n, sum(converted) AS conv_n, sum(value) AS conv_value
        FROM viewer LEFT JOIN conv USING session GROUP BY page
      )
      SELECT issue.*, page_conv.n AS page_n, page_conv.conv_n AS page_conv_n, page_conv.conv_value AS page_conv_value
      FROM issue INNER JOIN page_conv USING page
      ORDER BY sessions DESC, page, selector, type
      LIMIT {limit:UInt32}`,
    query_params: { ...range, ...goals, ...segmentParams(segment), limit },
    format: 'JSONEachRow',
  })
  return toIssueCounts(await rs.json<IssueCountRow>())
}

type Num = string | number
/** A row as both issue-count queries return it (JSON numbers may come as strings). */
export interface IssueCountRow {
  page: string
  selector: string
  type: string
  label: string
  page_url: string
  sessions: Num
  signals: Num
  first_ms: Num
  last_ms: Num
  conv_n: Num
  conv_value: Num
  page_n: Num
  page_conv_n: Num
  page_conv_value: Num
}

/** Rows of either issue-count query as {@link IssueCounts}. */
export const toIssueCounts = (rows: IssueCountRow[]): IssueCounts[] =>
  rows.map((r) => ({
    path: r.page,
    selector: r.selector,
    type: r.type,
    label: r.label,
    url: r.page_url,
    sessions: Number(r.sessions),
    signals: Number(r.signals),
    firstSeen: Number(r.first_ms),
    lastSeen: Number(r.last_ms),
    converted: Number(r.conv_n),
    value: Number(r.conv_value),
    pageSessions: Number(r.page_n),
    pageConverted: Number(r.page_conv_n),
    pageValue: Number(r.page_conv_value),
  }))
