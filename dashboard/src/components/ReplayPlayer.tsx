import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Player } from '../lazy/replayer.ts'
import type { ReplayEvent } from '../models/replayModel.ts'
import { jumpOffset, pageMarks, recordedClicks, timelineMarkers, type ReplaySignal } from '../lib/replayMarks.ts'
import { ReplayMarks } from './ReplayMarks.tsx'
import { ReplayTimeline } from './ReplayTimeline.tsx'

export interface Props {
  events: readonly ReplayEvent[]
  /** The session's signals: timeline markers and click marks. */
  signals: readonly ReplaySignal[]
  /** Follow live: play events as they arrive. */
  live: boolean
}

/** How far behind the visitor live playback runs, ms: a run is uploaded every few seconds. */
const LIVE_LAG_MS = 5_000
/** How often the position, timeline and marks follow playback, ms: smooth enough for marks, cheap. */
const TICK_MS = 150
/** Speeds an agent can pick: as lived, and faster for long sessions. */
export const SPEEDS = [1, 2, 4, 8] as const

/** The custom event the collector opens a trail's replay with (the minute before an alert, without a recorder). */
const TRAIL_TAG = 'wince-trail'
const isTrailStart = (e: ReplayEvent) =>
  // A custom event (type 5) may carry a tag; reading it as optional is safe.
  e.type === 5 && (e as ReplayEvent & { data?: { tag?: string } }).data?.tag === TRAIL_TAG

type State = 'loading' | 'playing' | 'paused' | 'ended' | 'failed'

/**
 * Plays rrweb events with the lazily loaded Replayer, scaled to fit its box; takes more
 * events as they arrive. Around it: play/pause, speed, skipping idle stretches, a timeline
 * with the session's signals to jump to, and click marks drawn over the page.
 */
export function ReplayPlayer({ events, signals, live }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const root = useRef<HTMLDivElement>(null)
  const player = useRef<Player | null>(null)
  const fed = useRef(0)
  const [sandbox, setSandbox] = useState('')
  const [state, setState] = useState<State>('loading')
  const [speed, setSpeed] = useState<number>(1)
  const [skipIdle, setSkipIdle] = useState(true)
  const [pos, setPos] = useState({ at: 0, start: 0, total: 0 })
  const ready = events.length >= 2

  // Build the player once there is something to play; the chunk loads only now.
  useEffect(() => {
    if (!ready || !root.current) return
    let cancelled = false
    const el = root.current
    void import('../lazy/replayer.ts').then(
      ({ createPlayer }) => {
        if (cancelled) return
        const p = createPlayer(el, events, { speed, skipIdle })
        fed.current = events.length
        player.current = p
        setSandbox(p.sandbox)
        p.onResize(({ width, height }) => {
          const s = stage.current
          if (!s) return
          const avail = box.current?.clientWidth ?? width
          const scale = Math.min(1, avail / width)
          s.style.transform = `scale(${scale})`
          s.style.width = `${width}px`
          s.style.height = `${height}px`
          if (box.current) box.current.style.height = `${Math.ceil(height * scale)}px`
        })
        p.onFinish(() => setState('ended'))
        p.play()
        setState('playing')
      },
      () => !cancelled && setState('failed'),
    )
    return () => {
      cancelled = true
      player.current?.destroy()
      player.current = null
      el.replaceChildren()
    }
    // Built once, when there is enough to play; later events are added below, not rebuilt.
  }, [ready])

  useEffect(() => {
    const p = player.current
    if (!p || events.length <= fed.current) return
    p.add(events.slice(fed.current))
    fed.current = events.length
  }, [events, state])

  const built = state !== 'loading' && state !== 'failed'
  useEffect(() => {
    const p = player.current
    if (!p || !live) return
    const last = events[events.length - 1]?.timestamp ?? Date.now()
    p.goLive(Math.max(last, Date.now() - LIVE_LAG_MS))
    setState('playing')
  }, [live, built])

  // Position, duration and marks follow playback (and a seek while paused).
  useEffect(() => {
    const p = player.current
    if (!p) return
    const read = () => {
      const m = p.meta()
      setPos({ at: Math.min(p.time(), m.total), start: m.start, total: m.total })
    }
    read()
    if (state !== 'playing') return
    const id = setInterval(read, TICK_MS)
    return () => clearInterval(id)
  }, [state, built, events])

  const trail = useMemo(() => events.some(isTrailStart), [events])
  const clicks = useMemo(
    // Every replay event has type and timestamp; `data` is read as unknown.
    () => recordedClicks(events as readonly { type: number; timestamp: number; data?: unknown }[]),
    [events],
  )
  const markers = useMemo(
    () => timelineMarkers(signals, pos.start, pos.start + pos.total),
    [signals, pos.start, pos.total],
  )
  const marks = built ? pageMarks(clicks, signals, pos.start + pos.at) : []

  const seek = (offset: number, play = state === 'playing') => {
    const p = player.current
    if (!p) return
    p.seek(offset, play)
    setPos((v) => ({ ...v, at: offset }))
    setState(play ? 'playing' : 'paused')
  }

  const toggle = () => {
    const p = player.current
    if (!p) return
    if (state === 'playing') {
      p.pause()
      setState('paused')
    } else if (state === 'ended') seek(0, true)
    else {
      p.play()
      setState('playing')
    }
  }

  const pickSpeed = (s: number) => {
    setSpeed(s)
    player.current?.setSpeed(s)
  }
  const pickSkip = (on: boolean) => {
    setSkipIdle(on)
    player.current?.setSkipIdle(on)
  }

  return (
    <div class="player">
      <div class="player-controls">
        <button type="button" data-testid="replay-toggle" disabled={!player.current} onClick={toggle}>
          {state === 'playing' ? 'Pause' : 'Play'}
        </button>
        <label class="check">
          Speed{' '}
          <select data-testid="replay-speed" value={speed} onChange={(e) => pickSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="replay-skip"
            checked={skipIdle}
            onChange={(e) => pickSkip(e.currentTarget.checked)}
          />
          Skip idle
        </label>
        <span class="muted small" aria-live="polite">
          {!ready
            ? 'No replay recorded for this session yet.'
            : state === 'failed'
              ? 'The player could not load.'
              : state === 'ended'
                ? 'End of the recording.'
                : `${events.length} events`}
        </span>
      </div>
      {trail && (
        <p class="muted small" data-testid="replay-trail-note">
          Before the alert this is the visitor's trail (cursor, clicks, scrolls, fields used) played over the page's
          stored snapshot: changes the page went through before the alert are not shown. The full recording starts at
          the alert.
        </p>
      )}
      {built && (
        <ReplayTimeline
          total={pos.total}
          at={pos.at}
          markers={markers}
          onSeek={(o) => seek(o)}
          onJump={(m) => seek(jumpOffset(m.signal, pos.start), true)}
        />
      )}
      <div class="player-box" ref={box}>
        <div
          class="player-stage"
          ref={stage}
          data-testid="replay-player"
          data-events={events.length}
          data-sandbox={sandbox}
          data-state={state}
        >
          <div ref={root} />
          <ReplayMarks marks={marks} />
        </div>
      </div>
    </div>
  )
}
