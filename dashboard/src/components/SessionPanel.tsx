import type { ReadonlySignal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import { clockTime } from '../lib/clockTime.ts'
import type { Alert } from '@wince/collector'
import { describeReason, describeSession } from '@wince/collector/describe'
import type { SessionPages } from '../models/sessionPagesModel.ts'
import { VisitorFacts } from './VisitorFacts.tsx'
import { pagePath } from '../lib/pagePath.ts'
import type { SessionModel } from '../models/sessionModel.ts'

export interface Props {
  session: SessionModel
  now: ReadonlySignal<number>
  /** The session's newest alert, if it has one in the live list: who the visitor is. */
  alert?: Alert | undefined
  /** The session's page views, once loaded. */
  pages?: SessionPages | undefined
  onOpenReplay(session: string): void
}

/** How often the open session's signals are fetched again, ms: the panel follows a visitor still struggling. */
export const SESSION_REFRESH_MS = 10_000

/** The open session's signals as a timeline, oldest first; a hint when none is open. */
export function SessionPanel({ session, now, alert, pages, onOpenReplay }: Props) {
  const id = session.session.value
  const heading = useRef<HTMLHeadingElement>(null)
  // Keyboard and screen-reader users land on what they just opened.
  useEffect(() => heading.current?.focus(), [id])
  useEffect(() => {
    if (!id) return
    const timer = setInterval(() => void session.refresh(), SESSION_REFRESH_MS)
    return () => clearInterval(timer)
  }, [id, session])

  if (!id) {
    return (
      <aside class="session panel" data-testid="session-panel" aria-label="Session">
        <p class="empty">Choose a session in an alert to see what the visitor went through.</p>
      </aside>
    )
  }
  const signals = session.signals.value
  return (
    <aside
      class="session panel"
      data-testid="session-panel"
      aria-labelledby="session-heading"
      onKeyDown={(e) => e.key === 'Escape' && session.close()}
    >
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
      {alert && <VisitorFacts alert={alert} now={now.value} />}
      {!session.loading.value && (alert || signals.length > 0) && (
        <p class="summary" data-testid="session-summary">
          {summary(alert, pages, signals, now.value)}
        </p>
      )}
      {session.loading.value && <p class="muted">Loading…</p>}
      {!session.loading.value && !session.error.value && signals.length === 0 && (
        <p class="empty">No signals stored for this session yet.</p>
      )}
      <ol class="timeline" data-testid="session-signals">
        {signals.map((s) => (
          <li key={s.id} data-testid="session-signal" data-type={s.type}>
            <time dateTime={new Date(s.ts).toISOString()}>{clockTime(s.ts, now.value)}</time>
            <span class="what">{describeReason({ type: s.type, sel: s.selector, lb: s.label, n: s.n })}</span>
            <span class="where" title={s.url}>
              {pagePath(s.url)}
              {s.why && ` · ${s.why}`}
              {s.ms > 0 && ` · ${s.ms} ms`}
              {/* A tap or a pen reads apart from a click: a phone's visitor struggled differently. */}
              {s.pointer && s.pointer !== 'mouse' && ` · ${s.pointer}`}
            </span>
          </li>
        ))}
      </ol>
    </aside>
  )
}

/** The visit in one paragraph, from the alert's context, the page views and the signals. */
function summary(
  alert: Alert | undefined,
  pages: SessionPages | undefined,
  signals: Parameters<typeof describeSession>[1],
  now: number,
): string {
  const visited = pages?.pages ?? []
  const last = visited[visited.length - 1]
  const url = alert?.url ?? last?.url ?? signals[signals.length - 1]?.url ?? ''
  const onPage = [...visited].reverse().find((p) => p.url === url)
  return describeSession(
    {
      url,
      pageSince: onPage?.ts,
      siteSince: alert?.startedAt || pages?.firstSeen || undefined,
      pages: Math.max(alert?.pages ?? 0, visited.length) || undefined,
      referrer: alert?.referrer,
      helpAt: alert?.help === 'requested' ? alert.helpAt : undefined,
    },
    signals,
    now,
  )
}
