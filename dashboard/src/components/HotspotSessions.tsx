import { clockTime } from '../lib/clockTime.ts'
import type { HotspotSession } from '../models/heatmapModel.ts'

export interface Props {
  selector: string
  /** null while loading. */
  sessions: readonly HotspotSession[] | null
  now: number
  onOpen(session: string, last: number): void
}

/** The sessions behind a hotspot, newest first: open one to see its signals and replay. */
export function HotspotSessions({ selector, sessions, now, onOpen }: Props) {
  return (
    <div class="hotspot-sessions" data-testid="hotspot-sessions">
      <h3>
        Sessions on <code>{selector}</code>
      </h3>
      {sessions === null && <p class="muted">Loading…</p>}
      {sessions?.length === 0 && <p class="empty">No sessions in this range.</p>}
      <ul>
        {(sessions ?? []).map((s) => (
          <li key={s.session}>
            <button
              type="button"
              class="link"
              data-testid="hotspot-session"
              data-session={s.session}
              onClick={() => onOpen(s.session, s.last)}
            >
              session {s.session.slice(0, 8)}
            </button>{' '}
            <span class="muted small">
              {s.clicks}× · last {clockTime(s.last, now)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
