import { signal, type ReadonlySignal, type Signal } from '@preact/signals'
import type { SessionRow } from '@wince/collector'
import { readJson } from '../api.ts'
import { segmentQuery, type SegmentFilter } from './issuesModel.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** What the sessions list is narrowed to ('' for any). */
export interface SessionFilter extends SegmentFilter {
  type: string
  url: string
  selector: string
  minScore: string
  converted: '' | 'true' | 'false'
}

export const NO_SESSION_FILTER: SessionFilter = {
  device: '',
  browser: '',
  os: '',
  type: '',
  url: '',
  selector: '',
  minScore: '',
  converted: '',
}

export interface SessionListModel {
  sessions: ReadonlySignal<readonly SessionRow[]>
  filter: Signal<SessionFilter>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  refresh(site: string, rangeMs: number): Promise<void>
}

/** Sessions to watch (`GET /api/sessions`), most frustrated first. */
export function createSessionListModel(base = `${location.origin}/api`): SessionListModel {
  const sessions = signal<readonly SessionRow[]>([])
  const filter = signal<SessionFilter>(NO_SESSION_FILTER)
  const loading = signal(false)
  const error = signal<string | null>(null)
  let latest = 0

  async function refresh(site: string, rangeMs: number): Promise<void> {
    const call = ++latest
    loading.value = true
    try {
      const to = Date.now()
      const { device, browser, os, ...rest } = filter.peek()
      const q = new URLSearchParams({
        site,
        from: String(to - rangeMs),
        to: String(to),
        ...segmentQuery({ device, browser, os }),
        // The rest of a session filter (type, url, …): segmentQuery only lists the fields that are not empty, whatever their names.
        ...segmentQuery(rest as unknown as SegmentFilter),
      })
      const body = await readJson<{ sessions: SessionRow[] }>(await fetch(`${base}/sessions?${q}`))
      if (call !== latest) return
      sessions.value = body.sessions
      error.value = null
    } catch (err) {
      if (call === latest) error.value = `Could not load sessions: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  return { sessions, filter, loading, error, refresh }
}
