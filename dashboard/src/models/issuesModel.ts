import { signal, type ReadonlySignal, type Signal } from '@preact/signals'
import type { Issue, IssueStatus } from '@wince/collector'
import { postJson, readJson } from '../api.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** A segment of visitors, '' for any. */
export interface SegmentFilter {
  device: string
  browser: string
  os: string
}

/** The segment as query parameters (only those set). */
export const segmentQuery = (s: SegmentFilter): Record<string, string> =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => v !== ''))

export interface IssuesModel {
  issues: ReadonlySignal<readonly Issue[]>
  segment: Signal<SegmentFilter>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  refresh(site: string, rangeMs: number): Promise<void>
  setStatus(site: string, id: string, status: IssueStatus, rangeMs: number): Promise<void>
}

/** The segment a shared link names (`?device=&browser=&os=`), '' where it names none. */
export const segmentOfSearch = (search: string): SegmentFilter => {
  const p = new URLSearchParams(search)
  return { device: p.get('device') ?? '', browser: p.get('browser') ?? '', os: p.get('os') ?? '' }
}

/** Issues ranked by lost conversions (`GET /api/issues`), and their status; the segment starts from the page URL's. */
export function createIssuesModel(base = `${location.origin}/api`, search = ''): IssuesModel {
  const issues = signal<readonly Issue[]>([])
  const segment = signal<SegmentFilter>(segmentOfSearch(search))
  const loading = signal(false)
  const error = signal<string | null>(null)
  let latest = 0

  async function refresh(site: string, rangeMs: number): Promise<void> {
    const call = ++latest
    loading.value = true
    try {
      const to = Date.now()
      // trend=1: the top issues' sessions per day, which the Friction view draws.
      const q = new URLSearchParams({
        site,
        from: String(to - rangeMs),
        to: String(to),
        trend: '1',
        ...segmentQuery(segment.peek()),
      })
      const body = await readJson<{ issues: Issue[] }>(await fetch(`${base}/issues?${q}`))
      if (call !== latest) return
      issues.value = body.issues
      error.value = null
    } catch (err) {
      if (call === latest) error.value = `Could not load issues: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  async function setStatus(site: string, id: string, status: IssueStatus, rangeMs: number): Promise<void> {
    try {
      await postJson(`/issues/${id}/status`, { site, status }, base)
      await refresh(site, rangeMs)
    } catch (err) {
      error.value = `Could not set the status: ${errorMessage(err)}`
    }
  }

  return { issues, segment, loading, error, refresh, setStatus }
}
