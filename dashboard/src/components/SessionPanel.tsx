import type { ReadonlySignal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import { clockTime } from '../lib/clockTime.ts'
import { describeReason } from '@wince/collector/describe'
import { pagePath } from '../lib/pagePath.ts'
import type { SessionModel } from '../models/sessionModel.ts'

export interface Props {
  session: SessionModel
  now: ReadonlySignal<number>
  onOpenReplay(session: string): void
}

/** The open session's signals as a timeline, oldest first; a hint when none is open. */
export function SessionPanel({ session, now, onOpenReplay }: Props) {
  const id = session.session.value
  const heading = useRef<HTMLHeadingElement>(null)
  // Keyboard and screen-reader users land on what they just opened.
  useEffect(() => heading.current?.focus(), [id])

  if (!id) {
    return (
      <aside class="session panel" data-testid="session-panel" aria-label="Session">
        <p class="empty">Choose a session in an alert to see what the visitor went through.</p>
      </aside>
    )
  }
  const signals = session.signals.value
  return (
    <aside class="session panel" data-testid="session-panel" aria-labelledby="session-heading" onKeyDown={(e) => e.key === 'Escape' && session.close()}>
      <div class="section-head">
        <h2 id="session-heading" ref={heading} tabIndex={-1} title={id}>
          Session {id.slice(0, 8)}
        </h2>
        <button type="button" data-testid="session-replay-open" onClick={() => onOpenReplay(id)}>
          ▶ Replay
        </button>
        <button type="button" onClick={() => session.close()}>
          Close
        </button>
      </div>
      {session.error.value && (
        <p class="error" role="alert">
          {session.error.value}
        </p>
      )}
      {session.loading.value && <p class="muted">Loading…</p>}
      {!session.loading.value && !session.error.value && signals.length === 0 && <p class="empty">No signals stored for this session yet.</p>}
      <ol class="timeline" data-testid="session-signals">
        {signals.map((s) => (
          <li key={s.id} data-testid="session-signal" data-type={s.type}>
            <time dateTime={new Date(s.ts).toISOString()}>{clockTime(s.ts, now.value)}</time>
            <span class="what">{describeReason({ type: s.type, sel: s.selector, lb: s.label, n: s.n })}</span>
            <span class="where" title={s.url}>
              {pagePath(s.url)}
              {s.why && ` · ${s.why}`}
              {s.ms > 0 && ` · ${s.ms} ms`}
            </span>
          </li>
        ))}
      </ol>
    </aside>
  )
}
