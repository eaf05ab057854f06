import { signal, type ReadonlySignal } from '@preact/signals'
import type { Alert, AlertUpdate, Offer, OfferAnswer } from '@wince/collector'
import { readJson, type Api } from '../api.ts'
import { applyUpdate, refreshStates } from '../lib/alertStates.ts'
import { mergeAlerts } from '../lib/mergeAlerts.ts'
import { withHelp } from '../lib/withHelp.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** `live` once the stream said `ready`; `reconnecting` after it dropped; `off` when not watching. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'off'

/** The events of the alert stream: `ready`, then one per live message, named by its kind. */
export type StreamEvent = 'ready' | 'alert' | 'alert-update' | 'offer' | 'offer-answer' | 'help'

/**
 * Live alerts are applied together, at most once per this many ms: a flood of
 * thousands a second then costs one list update per batch, not one per alert,
 * and the tab stays responsive. Short against the 1 s alert budget.
 */
export const BATCH_MS = 100

/** Parsing time per batch, ms: the rest of a burst waits for the next task, well under a 50 ms long task. */
export const PARSE_BUDGET_MS = 15

/** Which visitor a live message is about: the stream adds both to every message's data. */
export interface Where {
  site: string
  session: string
}

/** The parts of `EventSource` the model uses: tests pass a fake. */
export interface StreamLike {
  readonly readyState: number
  onerror: ((ev: Event) => unknown) | null
  addEventListener(type: StreamEvent, listener: (ev: MessageEvent<string>) => void): void
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
  /** Called for each alert that arrives live (not from a load): sound and desktop notifications hang here. */
  onArrive?: (alert: Alert) => void
  /** Called for each help request that arrives live: it always calls for the agents' attention. */
  onHelp?: (alert: Alert) => void
  /** Called for each offer any agent made, as the stream carries it. */
  onOffer?: (offer: Offer & Where) => void
  /** Called for each visitor's answer to an offer. */
  onOfferAnswer?: (answer: OfferAnswer & Where) => void
}

export interface AlertsModel {
  /** The site's alerts, newest first, one per id. */
  alerts: ReadonlySignal<readonly Alert[]>
  status: ReadonlySignal<StreamStatus>
  /** Why the recent alerts could not be loaded, or null. */
  error: ReadonlySignal<string | null>
  /** Whether the alert came through the live stream (rather than the initial load). */
  arrivedLive(id: string): boolean
  /** Shows a state change at once (an agent's own action, before the stream echoes it). */
  applyUpdate(update: AlertUpdate): void
  /**
   * Follows a site: loads its alerts of the last `rangeMs` and prepends new
   * ones from the live stream. Returns the cleanup that closes the stream.
   */
  watch(site: string, rangeMs: number): () => void
}

// EventSource.CLOSED, spelt out so the model also loads where EventSource does not exist (unit tests).
const CLOSED = 2

/** Live struggle alerts of one site: the recent ones, then the stream. */
export function createAlertsModel({
  api,
  openStream = (url) => new EventSource(url),
  retryMs = 5_000,
  onArrive,
  onHelp,
  onOffer,
  onOfferAnswer,
}: AlertsModelOptions): AlertsModel {
  const alerts = signal<readonly Alert[]>([])
  const status = signal<StreamStatus>('off')
  const error = signal<string | null>(null)
  let live = new Set<string>()
  // When each alert's state last changed live: a reload must not undo a newer change.
  let seen = new Map<string, number>()
  const update = (u: AlertUpdate) => (alerts.value = applyUpdate(alerts.peek(), u, seen))

  function watch(site: string, rangeMs: number): () => void {
    let stopped = false
    // Stream events waiting for the next batch, as received: parsing waits for the batch too,
    // so a burst the browser dispatches in one task costs a string push per event.
    let pending: string[] = []
    let batch: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      batch = undefined
      const started = performance.now()
      const incoming: Alert[] = []
      let taken = 0
      while (taken < pending.length && performance.now() - started < PARSE_BUDGET_MS) {
        // taken < pending.length, checked in the loop's test.
        const alert = parseAlert(pending[taken++]!)
        if (alert && (alert.help === undefined || alert.help === 'requested')) incoming.push(alert)
      }
      pending = pending.slice(taken)
      // Whatever did not fit the budget waits for the next batch: the tab stays responsive.
      if (pending.length > 0) batch = setTimeout(flush, 0)
      if (stopped || incoming.length === 0) return
      const before = alerts.peek()
      const known = new Map(before.map((a) => [a.id, a]))
      for (const a of incoming) live.add(a.id)
      alerts.value = withHelp(mergeAlerts(before, incoming), incoming)
      // One announcement per batch: a flood must not become a thousand beeps.
      let fresh: Alert | undefined
      for (const a of incoming) if (!known.has(a.id) && a.help !== 'requested' && (!fresh || a.ts > fresh.ts)) fresh = a
      if (fresh) onArrive?.(fresh)
      for (const a of incoming) if (a.help === 'requested' && known.get(a.id)?.help !== 'requested') onHelp?.(a)
    }
    const enqueue = (data: string) => {
      pending.push(data)
      batch ??= setTimeout(flush, BATCH_MS)
    }
    let stream: StreamLike | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    alerts.value = []
    error.value = null
    status.value = 'connecting'
    live = new Set()
    seen = new Map()

    const load = async () => {
      try {
        const res = await api.alerts.$get({ query: { site, from: String(Date.now() - rangeMs) } })
        const body = await readJson(res)
        if (stopped) return
        alerts.value = withHelp(mergeAlerts(refreshStates(alerts.peek(), body.alerts, seen), body.alerts), body.alerts)
        error.value = null
      } catch (err) {
        if (!stopped) error.value = `Could not load recent alerts: ${errorMessage(err)}`
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
      s.addEventListener('alert', (ev) => void (stopped || enqueue(ev.data)))
      s.addEventListener('help', (ev) => void (stopped || enqueue(ev.data)))
      s.addEventListener('alert-update', (ev) => {
        const u = parse<AlertUpdate & Where>(
          ev.data,
          (d) => typeof d.alertId === 'string' && typeof d.state === 'string',
        )
        if (!stopped && u) update(u)
      })
      s.addEventListener('offer', (ev) => {
        const o = parse<Offer & Where>(ev.data, (d) => typeof d.id === 'string' && typeof d.message === 'string')
        if (!stopped && o) onOffer?.(o)
      })
      s.addEventListener('offer-answer', (ev) => {
        const a = parse<OfferAnswer & Where>(
          ev.data,
          (d) => typeof d.offerId === 'string' && (d.answer === 'accepted' || d.answer === 'dismissed'),
        )
        if (!stopped && a) onOfferAnswer?.(a)
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
      clearTimeout(batch)
      stream?.close()
      status.value = 'off'
    }
  }

  return { alerts, status, error, arrivedLive: (id) => live.has(id), applyUpdate: update, watch }
}

/** An alert from the stream, or undefined for anything that is not one (logged, never thrown). */
function parseAlert(data: string): Alert | undefined {
  return parse<Alert>(
    data,
    (a) =>
      typeof a.id === 'string' && typeof a.ts === 'number' && typeof a.session === 'string' && Array.isArray(a.reasons),
  )
}

/** A stream event's data if `valid` says it has the fields used; otherwise logged and undefined, never thrown. */
function parse<T>(data: string, valid: (d: Partial<T>) => boolean): T | undefined {
  try {
    // Any parsed JSON; `valid` checks the fields used before it is taken as a T.
    const d = JSON.parse(data) as Partial<T>
    // `valid` said it has the fields used.
    if (d && typeof d === 'object' && valid(d)) return d as T
  } catch {
    // fall through
  }
  console.warn('wince: ignored a malformed stream event', data.slice(0, 200))
  return undefined
}
