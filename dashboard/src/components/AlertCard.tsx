import type { Alert } from '@wince/collector'
import { clockTime } from '../lib/clockTime.ts'
import { describeReason } from '@wince/collector/describe'
import { pagePath } from '../lib/pagePath.ts'
import { relativeTime } from '../lib/relativeTime.ts'

export interface Props {
  alert: Alert
  now: number
  /** Arrived through the live stream: briefly highlighted. */
  fresh: boolean
  /** Its session is the one open in the panel. */
  selected: boolean
  onOpenSession(alert: Alert): void
}

/** One struggle alert: why first (strongest reason as the heading), then when, who and where. */
export function AlertCard({ alert, now, fresh, selected, onOpenSession }: Props) {
  const [first, ...rest] = alert.reasons
  const classes = ['alert', fresh && 'fresh', selected && 'selected'].filter(Boolean).join(' ')
  return (
    <article class={classes} data-testid="alert" data-alert-id={alert.id} data-session={alert.session}>
      <div class="alert-head">
        <h3 class="why">{first ? describeReason(first) : 'struggling'}</h3>
        <span class="score" title="Struggle score: weighted, decaying points of the signals below">
          score {alert.score}
        </span>
      </div>
      {rest.length > 0 && (
        <ul class="reasons" aria-label="Also">
          {rest.map((r, i) => (
            <li key={i}>{describeReason(r)}</li>
          ))}
        </ul>
      )}
      <p class="meta">
        <time dateTime={new Date(alert.ts).toISOString()} title={new Date(alert.ts).toString()}>
          {relativeTime(alert.ts, now)} · {clockTime(alert.ts, now)}
        </time>
        {' · '}
        <button type="button" class="link" data-testid="session-link" aria-pressed={selected} title={`Show the signals of session ${alert.session}`} onClick={() => onOpenSession(alert)}>
          session {alert.session.slice(0, 8)}
        </button>
        {' on '}
        <span class="path" title={alert.url}>
          {pagePath(alert.url)}
        </span>
      </p>
    </article>
  )
}
