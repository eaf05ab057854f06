import { useEffect, useRef } from 'preact/hooks'
import type { ReplayModel } from '../models/replayModel.ts'
import { ReplayPlayer } from './ReplayPlayer.tsx'

export interface Props {
  replay: ReplayModel
}

/** What the visitor saw: the session's replay, with "follow live" for a struggle still going on. */
export function ReplayPanel({ replay }: Props) {
  const target = replay.target.value
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [target?.session])
  if (!target) return null
  return (
    <section
      class="panel replay"
      aria-labelledby="replay-heading"
      onKeyDown={(e) => e.key === 'Escape' && replay.close()}
    >
      <div class="section-head">
        <h2 id="replay-heading" ref={heading} tabIndex={-1} title={target.session}>
          Replay of session {target.session.slice(0, 8)}
        </h2>
        <label class="check">
          <input
            type="checkbox"
            data-testid="replay-follow"
            checked={replay.follow.value}
            onChange={(e) => replay.setFollow(e.currentTarget.checked)}
          />
          Follow live
        </label>
        <button type="button" data-testid="replay-close" onClick={() => replay.close()}>
          Close
        </button>
      </div>
      {replay.error.value && (
        <p class="error" role="alert">
          {replay.error.value}
        </p>
      )}
      {replay.loading.value ? (
        <p class="muted">Loading…</p>
      ) : (
        <ReplayPlayer events={replay.events.value} signals={replay.signals.value} live={replay.follow.value} />
      )}
    </section>
  )
}
