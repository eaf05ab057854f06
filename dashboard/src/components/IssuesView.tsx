import type { Issue, IssueStatus, SegmentFamilies } from '@wince/collector'
import type { IssuesModel } from '../models/issuesModel.ts'
import { IssuesTable } from './IssuesTable.tsx'
import { SegmentPicker } from './SegmentPicker.tsx'

export interface Props {
  issues: IssuesModel
  onRefresh(): void
  onStatus(issue: Issue, status: IssueStatus): void
  onSessions(issue: Issue): void
  onVerdict?(issue: Issue, verdict: 'real' | 'not', reason: string): Promise<string | null>
  /** Device classes and families seen, which the segment picker offers. */
  families?: SegmentFamilies
}

/** What to fix first: issues ranked by lost conversions, with segments and status. */
export function IssuesView({ issues, onRefresh, onStatus, onSessions, onVerdict, families }: Props) {
  return (
    <section class="issues panel" aria-labelledby="issues-heading" aria-busy={issues.loading.value}>
      <div class="section-head">
        <h2 id="issues-heading">Issues</h2>
        <SegmentPicker segment={issues.segment} onChange={onRefresh} {...(families && { families })} />
        <button type="button" onClick={onRefresh} disabled={issues.loading.value}>
          Refresh
        </button>
      </div>
      {issues.error.value && (
        <p class="error" role="alert">
          {issues.error.value}
        </p>
      )}
      <p class="muted">
        Ranked by lost conversions: sessions that met the issue against sessions that viewed the same page without it. A
        correlation, not proof.
      </p>
      <IssuesTable
        issues={issues.issues.value}
        loading={issues.loading.value}
        segmented={Object.values(issues.segment.value).some(Boolean)}
        onStatus={onStatus}
        onSessions={onSessions}
        {...(onVerdict && { onVerdict })}
      />
    </section>
  )
}
