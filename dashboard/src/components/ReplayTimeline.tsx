import { signalWords } from '@wince/collector/describe'
import { playTime, type TimelineMarker } from '../lib/replayMarks.ts'
import { signalColor } from '../lib/signalColors.ts'

export interface Props {
  /** Length of the recording, ms. */
  total: number
  /** Playback position, ms into the recording. */
  at: number
  markers: readonly TimelineMarker[]
  /** Goes to a position (ms into the recording). */
  onSeek(offset: number): void
  /** Goes to a little before a signal. */
  onJump(marker: TimelineMarker): void
}

/** One marker's words: "rage click ×5 on button Pay at 0:05". */
const markerWords = (m: TimelineMarker): string =>
  `${signalWords(m.signal.type)}${m.signal.n > 1 ? ` ×${m.signal.n}` : ''}${m.signal.label || m.signal.selector ? ` on ${m.signal.label || m.signal.selector}` : ''} at ${playTime(m.at)}`

/** The recording as a bar: where playback is, its duration, and the session's signals as markers to jump to. */
export function ReplayTimeline({ total, at, markers, onSeek, onJump }: Props) {
  const pct = total > 0 ? Math.min(100, (at / total) * 100) : 0
  const seekTo = (e: MouseEvent) => {
    // The handler is on the bar's element.
    const bar = e.currentTarget as HTMLElement
    const r = bar.getBoundingClientRect()
    if (r.width > 0) onSeek(Math.round(((e.clientX - r.left) / r.width) * total))
  }
  return (
    <div class="replay-timeline" data-testid="replay-timeline" data-total={total}>
      <span class="replay-timeline-time" data-testid="replay-time">
        {playTime(at)} / {playTime(total)}
      </span>
      <div class="replay-timeline-track">
        <div class="replay-timeline-bar" onClick={seekTo} aria-hidden="true">
          <div class="replay-timeline-played" style={{ width: `${pct}%` }} />
        </div>
        {markers.map((m) => (
          <button
            type="button"
            key={m.signal.id}
            class="replay-timeline-marker"
            data-testid="replay-marker"
            data-type={m.signal.type}
            data-at={m.at}
            style={{ left: `${m.pct}%`, top: `${0.2 + m.lane * 0.8}rem`, background: signalColor(m.signal.type) }}
            title={markerWords(m)}
            aria-label={`Jump to ${markerWords(m)}`}
            onClick={() => onJump(m)}
          />
        ))}
      </div>
    </div>
  )
}
