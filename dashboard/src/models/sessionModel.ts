import { signal, type ReadonlySignal } from '@preact/signals'
import type { SignalRow } from '@wince/collector'
import { readJson, type Api } from '../api.ts'
import { errorMessage } from '@wince/collector/errorMessage'

export interface SessionModel {
  /** The session shown, or null when the panel is closed. */
  session: ReadonlySignal<string | null>
  /** Its signals, oldest first. */
  signals: ReadonlySignal<readonly SignalRow[]>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  /** Shows a session's signals since `from` (epoch ms). */
  open(site: string, session: string, from: number): Promise<void>
  /** Loads the open session's signals again without clearing them (live updates). */
  refresh(): Promise<void>
  close(): void
}

/** One visitor session's signals, for the timeline beside an alert. */
export function createSessionModel(api: Api): SessionModel {
  const session = signal<string | null>(null)
  const signals = signal<readonly SignalRow[]>([])
  const loading = signal(false)
  const error = signal<string | null>(null)
  let latest = 0
  let where: { site: string; from: number } | undefined

  async function open(site: string, id: string, from: number): Promise<void> {
    const call = ++latest
    where = { site, from }
    session.value = id
    signals.value = []
    error.value = null
    loading.value = true
    try {
      const res = await api.signals.$get({ query: { site, session: id, from: String(from) } })
      const body = await readJson(res)
      if (call === latest) signals.value = body.signals
    } catch (err) {
      if (call === latest) error.value = `Could not load the session: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  async function refresh(): Promise<void> {
    const id = session.peek()
    if (!id || !where || loading.peek()) return
    const call = ++latest
    try {
      const res = await api.signals.$get({ query: { site: where.site, session: id, from: String(where.from) } })
      const body = await readJson(res)
      if (call === latest) signals.value = body.signals
    } catch {
      // The signals shown stay; the next refresh tries again.
    }
  }

  function close(): void {
    latest++
    session.value = null
    signals.value = []
    error.value = null
    loading.value = false
  }

  return { session, signals, loading, error, open, refresh, close }
}
