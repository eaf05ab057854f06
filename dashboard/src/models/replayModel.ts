import { signal, type ReadonlySignal } from '@preact/signals'
import { readJson, type Api } from '../api.ts'
import type { ReplaySignal } from '../lib/replayMarks.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** How often "follow live" asks for new replay runs: the snippet uploads a run every few seconds. */
export const FOLLOW_POLL_MS = 2_000
/** Signals are asked for from this long before the recording's first event: a run may start mid-burst. */
export const SIGNALS_LEAD_MS = 60_000

/** An rrweb event: the player needs at least its time (epoch ms); the rest is rrweb's own. */
export interface ReplayEvent {
  timestamp: number
  type: number
}

export interface ReplayTarget {
  site: string
  session: string
}

export interface ReplayModel {
  /** The session being replayed, or null when the player is closed. */
  target: ReadonlySignal<ReplayTarget | null>
  /** Its events in time order, across page views; grows while following live. */
  events: ReadonlySignal<readonly ReplayEvent[]>
  /** The session's signals (markers on the timeline, marks on the page); refreshed with new runs. */
  signals: ReadonlySignal<readonly ReplaySignal[]>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  /** Whether new runs are fetched every {@link FOLLOW_POLL_MS}. */
  follow: ReadonlySignal<boolean>
  open(site: string, session: string): Promise<void>
  setFollow(on: boolean): void
  close(): void
}

/** A session's replay: the recorded runs, then (following live) the ones still arriving. */
export function createReplayModel(api: Api, pollMs = FOLLOW_POLL_MS): ReplayModel {
  const target = signal<ReplayTarget | null>(null)
  const events = signal<readonly ReplayEvent[]>([])
  const signals = signal<readonly ReplaySignal[]>([])
  const loading = signal(false)
  const error = signal<string | null>(null)
  const follow = signal(false)
  let latest = 0
  let after = 0
  let runs = new Set<string>()
  let timer: ReturnType<typeof setInterval> | undefined

  /** Fetches runs that started after the newest one held; returns false when superseded. */
  async function fetchRuns(call: number, t: ReplayTarget): Promise<boolean> {
    const res = await api.sessions[':session'].replay.$get({
      param: { session: t.session },
      query: { site: t.site, after: String(after) },
    })
    const body = await readJson(res)
    if (call !== latest) return false
    const fresh: ReplayEvent[] = []
    for (const run of body.runs) {
      const key = `${run.pageView}:${run.seq}`
      if (runs.has(key)) continue
      runs.add(key)
      after = Math.max(after, run.ts)
      // A stored run's events: each checked by isEvent below.
      for (const e of run.events as unknown[]) if (isEvent(e)) fresh.push(e)
    }
    if (fresh.length > 0) {
      events.value = [...events.peek(), ...fresh.sort((a, b) => a.timestamp - b.timestamp)]
      // The replay plays without its markers rather than not at all.
      await fetchSignals(call, t).catch(() => undefined)
    }
    return true
  }

  /** The session's signals since its recording began (a minute earlier: a rage click may start before its run). */
  async function fetchSignals(call: number, t: ReplayTarget): Promise<void> {
    const first = events.peek()[0]?.timestamp
    const query = {
      site: t.site,
      session: t.session,
      ...(first ? { from: String(Math.max(0, first - SIGNALS_LEAD_MS)) } : {}),
    }
    const body = await readJson(await api.signals.$get({ query }))
    if (call === latest) signals.value = body.signals
  }

  async function open(site: string, session: string): Promise<void> {
    stopFollowing()
    const call = ++latest
    const t = { site, session }
    target.value = t
    events.value = []
    signals.value = []
    error.value = null
    after = 0
    runs = new Set()
    loading.value = true
    try {
      await fetchRuns(call, t)
    } catch (err) {
      if (call === latest) error.value = `Could not load the replay: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  function stopFollowing(): void {
    clearInterval(timer)
    timer = undefined
    follow.value = false
  }

  function setFollow(on: boolean): void {
    const t = target.peek()
    if (!on || !t) {
      stopFollowing()
      return
    }
    if (timer) return
    follow.value = true
    const call = latest
    timer = setInterval(() => {
      fetchRuns(call, t).then(
        (current) => current || stopFollowing(),
        (err: Error) => (error.value = `Following live stopped: ${err.message}`),
      )
    }, pollMs)
  }

  function close(): void {
    latest++
    stopFollowing()
    target.value = null
    events.value = []
    signals.value = []
    error.value = null
    loading.value = false
  }

  return { target, events, signals, loading, error, follow, open, setFollow, close }
}

function isEvent(e: unknown): e is ReplayEvent {
  return (
    typeof e === 'object' &&
    e !== null &&
    // A non-null object (checked above); its fields are read to check them.
    typeof (e as ReplayEvent).timestamp === 'number' &&
    typeof (e as ReplayEvent).type === 'number'
  )
}
