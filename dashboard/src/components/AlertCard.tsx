import { memo } from 'preact/compat'
import { sameProps } from '../lib/sameProps.ts'
import type { Alert } from '@wince/collector'
import { describeReason } from '@wince/collector/describe'
import { stateOf, type AlertAction } from '../lib/alertStates.ts'
import { clockTime } from '../lib/clockTime.ts'
import { duration, timeOnSite } from '../lib/duration.ts'
import { pagePath } from '../lib/pagePath.ts'
import { relativeTime } from '../lib/relativeTime.ts'
import type { OfferView } from '../models/offersModel.ts'
import type { SessionPages } from '../models/sessionPagesModel.ts'
import { AlertActions } from './AlertActions.tsx'
import { OfferForm } from './OfferForm.tsx'
import { StateBadge } from './StateBadge.tsx'
import { VisitorFacts } from './VisitorFacts.tsx'
import { AlertExplain } from './AlertExplain.tsx'
import { VerdictButtons } from './VerdictButtons.tsx'

/** Pages listed under an alert: where the visitor came from, not their whole history. */
const LAST_PAGES = 4

export interface Props {
  alert: Alert
  now: number
  /** Arrived through the live stream: briefly highlighted. */
  fresh: boolean
  /** Its session is the one open in the panel. */
  selected: boolean
  /** The session's pages, once loaded. */
  pages: SessionPages | undefined
  pending: AlertAction | undefined
  actionError: string | undefined
  offers: readonly OfferView[]
  sending: boolean
  offerError: string | undefined
  onOpenSession(alert: Alert): void
  onOpenReplay(alert: Alert): void
  onAct(alert: Alert, action: AlertAction, note: string): void
  onOffer(alert: Alert, message: string, link: string | undefined): Promise<boolean>
  /** Many cards in the page: text fields wait behind a button. Default false. */
  compact?: boolean
  /** "Real problem" / "not a problem" on the alert's main reason. */
  onVerdict?(alert: Alert, verdict: 'real' | 'not', reason: string): Promise<string | null>
}

/** One struggle alert: why first (strongest reason as the heading), then when, who and where, then what to do. */
export const AlertCard = memo(function AlertCard(props: Props) {
  const { alert, now, fresh, selected, pages } = props
  const [first, ...rest] = alert.reasons
  const state = stateOf(alert)
  const active = state === 'open' || state === 'claimed'
  const helpWaiting = alert.help === 'requested' && active
  const classes = ['alert', `alert-${state}`, fresh && 'fresh', selected && 'selected', helpWaiting && 'alert-help']
    .filter(Boolean)
    .join(' ')
  const visited = pages?.pages ?? []
  const onSite = timeOnSite(pages?.firstSeen ?? null, alert.ts, visited[visited.length - 1]?.ts)
  return (
    <article
      class={classes}
      data-testid="alert"
      data-alert-id={alert.id}
      data-session={alert.session}
      data-state={state}
      data-help={alert.help ?? ''}
      data-issue={alert.issue ?? ''}
    >
      {alert.help === 'requested' && alert.helpAt && (
        <p class="help-badge" data-testid="help-badge" role="status">
          Asked for help {relativeTime(alert.helpAt, now)}
          {state === 'claimed'
            ? ` · ${alert.stateBy ?? 'an agent'} is on it`
            : helpWaiting
              ? ' · waiting for an agent'
              : ''}
        </p>
      )}
      <div class="alert-head">
        <h3 class="why">{first ? describeReason(first) : 'struggling'}</h3>
        <StateBadge state={state} by={alert.stateBy} />
        <span class="score" title="Struggle score: weighted, decaying points of the signals below">
          score {Math.round(alert.score * 10) / 10}
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
        <button
          type="button"
          class="link"
          data-testid="session-link"
          aria-pressed={selected}
          title={`Show the signals of session ${alert.session}`}
          onClick={() => props.onOpenSession(alert)}
        >
          session {alert.session.slice(0, 8)}
        </button>
        {' on '}
        <span class="path" title={alert.url}>
          {pagePath(alert.url)}
        </span>
        {onSite !== null && <span data-testid="time-on-site"> · on site {duration(onSite)}</span>}
      </p>
      <VisitorFacts alert={alert} now={now} withTime={onSite === null} />
      {alert.explain && <AlertExplain explain={alert.explain} reasons={alert.reasons} />}
      {visited.length > 1 && (
        <p class="meta trail" data-testid="last-pages">
          <span class="sr-only">Last pages: </span>
          {visited.slice(-LAST_PAGES).map((p, i) => (
            <span key={p.pageView} class="path" title={`${p.url} at ${clockTime(p.ts, now)}`}>
              {i > 0 && ' → '}
              {pagePath(p.url)}
            </span>
          ))}
        </p>
      )}
      <div class="alert-do">
        <AlertActions
          alert={alert}
          pending={props.pending}
          error={props.actionError}
          folded={props.compact}
          onAct={(a, note) => {
            props.onAct(alert, a, note)
            // Dismissing says "not a problem": it counts as that agent's verdict (one per agent and alert).
            if (a === 'dismiss') void props.onVerdict?.(alert, 'not', '')
          }}
        />
        <button type="button" data-testid="replay-open" onClick={() => props.onOpenReplay(alert)}>
          ▶ Replay
        </button>
      </div>
      {props.onVerdict && first && (
        // onVerdict is checked just above; the callback runs later, where TypeScript no longer keeps that check.
        <VerdictButtons about={describeReason(first)} onVerdict={(v, reason) => props.onVerdict!(alert, v, reason)} />
      )}
      {(active || props.offers.length > 0) && (
        <OfferForm
          id={alert.id}
          folded={props.compact}
          offers={props.offers}
          sending={props.sending}
          error={props.offerError}
          onSend={(m, l) => props.onOffer(alert, m, l)}
        />
      )}
    </article>
  )
}, sameProps)
