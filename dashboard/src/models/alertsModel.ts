import { signal, type ReadonlySignal } from '@preact/signals'
import type { Alert } from '@wince/collector'
import { readJson, type Api } from '../api.ts'
import { mergeAlerts } from '../lib/mergeAlerts.ts'

/** `live` once the stream said `ready`; `reconnecting` after it dropped; `off` when not watching. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'off'

/** The parts of `EventSource` the model uses: tests pass a fake. */
export interface StreamLike {
  readonly readyState: number
  onerror: ((ev: Event) => unknown) | null
  addEventListener(type: 'ready' | 'alert', listener: (ev: MessageEvent<string>) => void): void
  close(): void
}

export interface AlertsModelOptions {
  api: Api
  /** Opens the alert stream. Default: `new EventSource(url)`. */
  openStream?: (url: string) => StreamLike
  /**
   * Wait before reopening a stream the browser gave up on, ms. Default 5 s.
   * EventSource retries by itself after a network error, but not after an
   * HTTP error (a collector restarting behind a proxy answers 502).
   */
  retryMs?: number
}

export interface AlertsModel {
  /** The site's alerts, newest first, one per id. */
  alerts: ReadonlySignal<readonly Alert[]>
  status: ReadonlySignal<StreamStatus>
  /** Why the recent alerts could not be loaded, or null. */
  error: ReadonlySignal<string | null>
  /** Whether the alert came through the live stream (rather than the initial load). */
  arrivedLive(id: string): boolean
  /**
   * Follows a site: loads its alerts of the last `rangeMs` and prepends new
   * ones from the live stream. Returns the cleanup that closes the stream.
   */
  watch(site: string, rangeMs: number): () => void
}

// EventSource.CLOSED, spelt out so the model also loads where EventSource does not exist (unit tests).
const CLOSED = 2

/** Live struggle alerts of one site: the recent ones, then the stream. */
export function createAlertsModel({ api, openStream = (url) => new EventSource(url), retryMs = 5_000 }: AlertsModelOptions): AlertsModel {
  const alerts = signal<readonly Alert[]>([])
  const status = signal<StreamStatus>('off')
  const error = signal<string | null>(null)
  let live = new Set<string>()

  function watch(site: string, rangeMs: number): () => void {
    let stopped = false
    let stream: StreamLike | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    alerts.value = []
    error.value = null
    status.value = 'connecting'
    live = new Set()

    const load = async () => {
      try {
        const res = await api.alerts.$get({ query: { site, from: String(Date.now() - rangeMs) } })
        const body = await readJson(res)
        if (stopped) return
        alerts.value = mergeAlerts(alerts.peek(), body.alerts)
        error.value = null
      } catch (err) {
        if (!stopped) error.value = `Could not load recent alerts: ${(err as Error).message}`
      }
    }

    const open = () => {
      const s = openStream(api.alerts.stream.$url({ query: { site } }).href)
      stream = s
      s.addEventListener('ready', () => {
        if (stopped) return
        status.value = 'live'
        // Also after a reconnect: fills in alerts raised while the stream was down.
        void load()
      })
      s.addEventListener('alert', (ev) => {
        const alert = parseAlert(ev.data)
        if (stopped || !alert) return
        live.add(alert.id)
        alerts.value = mergeAlerts(alerts.peek(), [alert])
      })
      s.onerror = () => {
        if (stopped) return
        status.value = 'reconnecting'
        if (s.readyState === CLOSED) retry = setTimeout(open, retryMs)
      }
    }

    // Load at once rather than on `ready`: the list must not depend on the stream getting through.
    void load()
    open()
    return () => {
      stopped = true
      clearTimeout(retry)
      stream?.close()
      status.value = 'off'
    }
  }

  return { alerts, status, error, arrivedLive: (id) => live.has(id), watch }
}

/** An alert from the stream, or undefined for anything that is not one (logged, never thrown). */
function parseAlert(data: string): Alert | undefined {
  try {
    const a = JSON.parse(data) as Partial<Alert>
    if (typeof a.id === 'string' && typeof a.ts === 'number' && typeof a.session === 'string' && Array.isArray(a.reasons)) return a as Alert
  } catch {
    // fall through
  }
  console.warn('wince: ignored a malformed alert event', data.slice(0, 200))
  return undefined
}
