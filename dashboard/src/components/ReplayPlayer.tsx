import { useEffect, useRef, useState } from 'preact/hooks'
import type { Player } from '../lazy/replayer.ts'
import type { ReplayEvent } from '../models/replayModel.ts'

export interface Props {
  events: readonly ReplayEvent[]
  /** Follow live: play events as they arrive. */
  live: boolean
}

/** How far behind the visitor live playback runs, ms: a run is uploaded every few seconds. */
const LIVE_LAG_MS = 5_000

/** Plays rrweb events with the lazily loaded Replayer, scaled to fit its box; takes more events as they arrive. */
export function ReplayPlayer({ events, live }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const player = useRef<Player | null>(null)
  const fed = useRef(0)
  const [sandbox, setSandbox] = useState('')
  const [state, setState] = useState<'loading' | 'playing' | 'paused' | 'ended' | 'failed'>('loading')
  const ready = events.length >= 2

  // Build the player once there is something to play; the chunk loads only now.
  useEffect(() => {
    if (!ready || !stage.current) return
    let cancelled = false
    const root = stage.current
    void import('../lazy/replayer.ts').then(
      ({ createPlayer }) => {
        if (cancelled) return
        const p = createPlayer(root, events)
        fed.current = events.length
        player.current = p
        setSandbox(p.sandbox)
        p.onResize(({ width, height }) => {
          const avail = box.current?.clientWidth ?? width
          const scale = Math.min(1, avail / width)
          root.style.transform = `scale(${scale})`
          root.style.width = `${width}px`
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
      root.replaceChildren()
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

  const toggle = () => {
    const p = player.current
    if (!p) return
    if (state === 'playing') {
      p.pause()
      setState('paused')
    } else {
      p.play()
      setState('playing')
    }
  }

  return (
    <div class="player">
      <div class="player-controls">
        <button type="button" data-testid="replay-toggle" disabled={!player.current} onClick={toggle}>
          {state === 'playing' ? 'Pause' : 'Play'}
        </button>
        <span class="muted small" aria-live="polite">
          {!ready ? 'No replay recorded for this session yet.' : state === 'failed' ? 'The player could not load.' : state === 'ended' ? 'End of the recording.' : `${events.length} events`}
        </span>
      </div>
      <div class="player-box" ref={box}>
        <div class="player-stage" ref={stage} data-testid="replay-player" data-events={events.length} data-sandbox={sandbox} data-state={state} />
      </div>
    </div>
  )
}
