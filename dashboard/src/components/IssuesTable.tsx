import type { Issue, IssueStatus } from '@wince/collector'
import { pagePath } from '../lib/pagePath.ts'
import { Sparkline } from './Sparkline.tsx'
import { VerdictButtons } from './VerdictButtons.tsx'

export interface Props {
  issues: readonly Issue[]
  onStatus?(issue: Issue, status: IssueStatus): void
  onSessions(issue: Issue): void
  /** Show each issue's sessions per day (those the API gave a trend). */
  trend?: boolean
  /** An agent's verdict on the issue (resolves with an error message, or null). */
  onVerdict?(issue: Issue, verdict: 'real' | 'not', reason: string): Promise<string | null>
  /** New figures are on their way (a filter changed): the rows shown are the old ones. */
  loading?: boolean
  /** A device, browser or OS filter is on: an empty list says it is empty for those visitors. */
  segmented?: boolean
}

/** The statuses an issue can be set to, in the order the picker lists them. */
const STATUSES: readonly IssueStatus[] = ['open', 'fixed', 'ignored']

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`

/** Lost conversions with their interval, or why there is no figure. */
function Cost({ issue }: { issue: Issue }) {
  const i = issue.impact
  // The reason says what is missing (how many sessions, of which kind): a team can tell when to look again.
  if (!i)
    return (
      <span class="muted">
        not enough data
        {issue.impactReason && <div class="small">{issue.impactReason}</div>}
      </span>
    )
  return (
    <span
      title={`${i.affectedSessions} sessions met it: ${pct(i.affectedConversion)} converted; ${i.baselineSessions} on the page without it: ${pct(i.baselineConversion)}`}
    >
      <strong>{i.lostConversions}</strong>{' '}
      <span class="muted">
        ({i.low} to {i.high})
      </span>
      {i.lostValue !== null && <div class="muted">value {i.lostValue}</div>}
    </span>
  )
}

/** Issues ranked by what they cost: lost conversions (95 % interval), sessions, status. */
export function IssuesTable({
  issues,
  onStatus,
  onSessions,
  onVerdict,
  trend = false,
  loading = false,
  segmented = false,
}: Props) {
  if (issues.length === 0)
    return (
      <p class="muted" aria-busy={loading}>
        {loading ? 'Loading…' : segmented ? 'No issue for these visitors in this range.' : 'No issue in this range.'}
      </p>
    )
  return (
    <div class={loading ? 'table-wrap stale' : 'table-wrap'} aria-busy={loading}>
      <table data-testid="issues-table">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Page</th>
            <th scope="col">Element</th>
            <th scope="col">Lost conversions (95 %)</th>
            <th scope="col">Converted: met / without</th>
            <th scope="col">Sessions</th>
            {trend && <th scope="col">Per day</th>}
            {onStatus && <th scope="col">Status</th>}
            {onVerdict && <th scope="col">Verdict</th>}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id} data-testid="issue-row" data-issue={issue.id}>
              <td>
                {issue.type.replace('_', ' ')}
                {issue.regression && <span class="badge regression"> regression</span>}
              </td>
              {/* The page as the friction tables and heatmaps name it; the issue's own key is the bare path. */}
              <td class="path" title={issue.url}>
                {pagePath(issue.pageUrl || issue.url)}
              </td>
              <td>
                <code>{issue.selector}</code> <span class="muted">{issue.label}</span>
              </td>
              <td>
                <Cost issue={issue} />
              </td>
              <td>
                {issue.impact
                  ? `${pct(issue.impact.affectedConversion)} / ${pct(issue.impact.baselineConversion)}`
                  : '—'}
              </td>
              <td>
                <button type="button" class="link" data-testid="issue-sessions" onClick={() => onSessions(issue)}>
                  {issue.sessions} {issue.sessions === 1 ? 'session' : 'sessions'}
                </button>
              </td>
              {trend && <td>{issue.trend && <Sparkline values={issue.trend} unit="sessions" />}</td>}
              {onStatus && (
                <td>
                  <select
                    aria-label={`Status of ${issue.type} on ${issue.selector}`}
                    value={issue.status}
                    onChange={(e) => {
                      const status = STATUSES.find((s) => s === e.currentTarget.value)
                      if (status) onStatus(issue, status)
                    }}
                  >
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
              )}
              {onVerdict && (
                <td>
                  <VerdictButtons
                    compact
                    about={`${issue.type} on ${issue.selector}`}
                    onVerdict={(v, reason) => onVerdict(issue, v, reason)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
