import type { ClickHouseClient } from '@clickhouse/client'
import type { Range } from '../queries/range.ts'
import { hasSegment, type Segment } from '../queries/segment.ts'
import { queryIssueCounts } from '../queries/queryIssueCounts.ts'
import { queryIssueCountsRaw } from '../queries/queryIssueCountsRaw.ts'
import { queryIssueStatuses } from '../queries/queryIssueStatuses.ts'
import type { Site } from '../sites/Sites.ts'
import { goalMatch } from './goalPatterns.ts'
import { impact, type Impact } from './impact.ts'
import { issueId } from './issueId.ts'

export type IssueStatus = 'open' | 'fixed' | 'ignored'

/** One problem: a signal type on one element of one page path. */
export interface Issue {
  /** The id live alerts carry too (`issueId(site, path, selector, type)`). */
  id: string
  type: string
  /** The page path (no origin, query or trailing slash). */
  url: string
  /** A full URL of the page as seen, to open its heatmap. */
  pageUrl: string
  selector: string
  label: string
  sessions: number
  signals: number
  firstSeen: number
  lastSeen: number
  status: IssueStatus
  /** A fixed issue that came back (signals after it was marked fixed): reopened. */
  regression: boolean
  /** When the status was set last, epoch ms (null: never). */
  statusAt: number | null
  impact: Impact | null
  /** Why `impact` is null. */
  impactReason: string | null
  /** Sessions that met it per UTC day of the range, oldest first: only with `trend=1`, for the top issues. */
  trend?: number[]
}

/**
 * The issues of a site in a range, ranked by what they cost: lost conversions where an
 * impact is known (highest first), then the rest by sessions. A fixed issue seen again
 * after it was marked fixed is open again, flagged `regression`.
 */
export async function listIssues(
  client: ClickHouseClient,
  site: Site | undefined,
  range: Range,
  options: { goal?: string; segment?: Segment } = {},
): Promise<Issue[]> {
  const goals = goalMatch(site, options.goal)
  // The per-session summary keeps no device, browser or OS: a segment reads the raw events.
  const segment = options.segment ?? {}
  const counting = hasSegment(segment)
    ? queryIssueCountsRaw(client, range, goals, segment)
    : queryIssueCounts(client, range, goals)
  const [counts, statuses] = await Promise.all([counting, queryIssueStatuses(client, range.site)])
  const issues = counts.map((c): Issue => {
    const id = issueId(range.site, c.path, c.selector, c.type)
    const set = statuses.get(id)
    const regression = set?.status === 'fixed' && c.lastSeen > set.at
    const measured = impact(
      goals.goal || 'any',
      { sessions: c.sessions, converted: c.converted, value: c.value },
      { sessions: c.pageSessions - c.sessions, converted: c.pageConverted - c.converted, value: c.pageValue - c.value },
    )
    return {
      id,
      type: c.type,
      url: c.path,
      pageUrl: c.url,
      selector: c.selector,
      label: c.label,
      sessions: c.sessions,
      signals: c.signals,
      firstSeen: c.firstSeen,
      lastSeen: c.lastSeen,
      status: regression ? 'open' : (set?.status ?? 'open'),
      regression,
      statusAt: set?.at ?? null,
      impact: measured.impact,
      impactReason: measured.reason,
    }
  })
  return issues.sort(
    (a, b) =>
      Number(!!b.impact) - Number(!!a.impact) ||
      (b.impact?.lostConversions ?? 0) - (a.impact?.lostConversions ?? 0) ||
      b.sessions - a.sessions ||
      a.id.localeCompare(b.id),
  )
}
