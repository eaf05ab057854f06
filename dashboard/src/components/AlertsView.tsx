import type { ReadonlySignal, Signal } from '@preact/signals'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Alert } from '@wince/collector'
import { matchesFilter, stateOf, type AlertAction, type StateFilter } from '../lib/alertStates.ts'
import type { AlertActionsModel } from '../models/alertActionsModel.ts'
import type { AlertsModel } from '../models/alertsModel.ts'
import type { NotifierModel } from '../models/notifierModel.ts'
import type { OffersModel } from '../models/offersModel.ts'
import type { SessionPagesModel } from '../models/sessionPagesModel.ts'
import { groupAlerts } from '../lib/groupAlerts.ts'
import { AlertCard } from './AlertCard.tsx'
import { IssueCard } from './IssueCard.tsx'
import { AlertPrefs } from './AlertPrefs.tsx'
import { StateFilterPicker } from './StateFilterPicker.tsx'
import { StreamStatus } from './StreamStatus.tsx'

export interface Props {
  alerts: AlertsModel
  actions: AlertActionsModel
  offers: OffersModel
  sessionPages: SessionPagesModel
  notifier: NotifierModel
  stateFilter: Signal<StateFilter>
  now: ReadonlySignal<number>
  /** The session open in the panel, to mark its alerts. */
  selectedSession: ReadonlySignal<string | null>
  onOpenSession(alert: Alert): void
  onOpenReplay(alert: Alert): void
  /** An agent's verdict on an alert (resolves with an error message, or null). */
  onVerdict?(alert: Alert, verdict: 'real' | 'not', reason: string): Promise<string | null>
}

const EMPTY: readonly never[] = []

/**
 * Problems rendered at once, and how many more each "show more" adds: enough for
 * a shift's queue, bounded so a flood of alerts never means thousands of cards in
 * the page (the tab stays responsive).
 */
export const WINDOW = 20

/**
 * Problems newly put in the page per render: a window of new cards (the first batch
 * of a flood, "show more") is built over a few frames, each a short task, so the tab
 * keeps reading the stream between them. A trickle of alerts shows each at once.
 */
export const MOUNT_STEP = 5

/** Up to this many cards in the page, each shows its note and offer fields open; beyond, they open on demand. */
export const OPEN_FORMS_MAX = 8

/** Support staff's queue: struggling sessions, newest first, new ones arriving live, each with what to do about it. */
export function AlertsView(props: Props) {
  const { alerts, actions, offers, sessionPages, now, selectedSession, stateFilter } = props
  const all = alerts.alerts.value
  const filter = stateFilter.value
  // A visitor waiting for help shows whatever the filter, until resolved or dismissed.
  const list = useMemo(
    () =>
      all.filter(
        (a) =>
          matchesFilter(a, filter) || (a.help === 'requested' && (stateOf(a) === 'open' || stateOf(a) === 'claimed')),
      ),
    [all, filter],
  )
  const groups = useMemo(() => groupAlerts(list), [list])
  const [limit, setLimit] = useState(WINDOW)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [sendingAll, setSendingAll] = useState<ReadonlySet<string>>(new Set())
  const pages = sessionPages.bySession.value
  const byOffer = offers.bySession.value
  const wanted = groups.slice(0, limit)
  // The window as far as this render builds it: up to MOUNT_STEP problems not in the page yet.
  const mounted = useRef<ReadonlySet<string>>(new Set())
  let cut = wanted.length
  for (let i = 0, added = 0; i < wanted.length; i++) {
    // i < wanted.length, checked in the loop's test.
    if (!mounted.current.has(wanted[i]!.key) && ++added > MOUNT_STEP) {
      cut = i
      break
    }
  }
  const visible = cut === wanted.length ? wanted : wanted.slice(0, cut)
  mounted.current = new Set(visible.map((g) => g.key))
  const [, setBuilt] = useState(0)
  // The rest of the window after this frame is painted (effects run then).
  useEffect(() => {
    if (cut < wanted.length) setBuilt((n) => n + 1)
  })
  const waitingHelp = groups.reduce((n, g) => n + g.help.length, 0)
  const cardsOf = (g: (typeof groups)[number]) => (g.alerts.length === 1 || expanded.has(g.key) ? g.alerts : g.help)
  // The cards in the page: a lone alert, an unfolded issue's sessions, and every help request.
  const rendered = visible.flatMap(cardsOf)
  // Folded by the whole window, so a card does not start unfolded while the window is being built.
  const compact = wanted.flatMap(cardsOf).length + wanted.length > OPEN_FORMS_MAX

  // Last pages come from each rendered session's page views.
  useEffect(() => {
    for (const a of rendered) sessionPages.ensure(a.site, a.session)
  }, [rendered.map((a) => a.id).join(), sessionPages])

  const act = (a: Alert, action: AlertAction, note: string) => void actions.act(a, action, note)
  const offer = (a: Alert, message: string, link: string | undefined) => offers.send(a.site, a.session, message, link)
  const hidden = all.length - list.length
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (!next.delete(key)) next.add(key)
      return next
    })
  /** One offer to each visitor still struggling with the problem (one per session). */
  const offerAll = async (key: string, alertsOf: readonly Alert[], message: string, link: string | undefined) => {
    const bySession = new Map(
      alertsOf.filter((a) => a.state !== 'resolved' && a.state !== 'dismissed').map((a) => [a.session, a]),
    )
    setSendingAll((prev) => new Set(prev).add(key))
    try {
      const sent = await Promise.all([...bySession.values()].map((a) => offer(a, message, link)))
      return sent.every(Boolean)
    } finally {
      setSendingAll((prev) => {
        const next = new Set(prev)
        next.delete(key)
        return next
      })
    }
  }
  const card = (a: Alert) => (
    <AlertCard
      alert={a}
      now={now.value}
      fresh={alerts.arrivedLive(a.id)}
      selected={selectedSession.value === a.session}
      pages={pages.get(a.session)}
      pending={actions.pending.value.get(a.id)}
      actionError={actions.errors.value.get(a.id)}
      offers={byOffer.get(a.session) ?? EMPTY}
      sending={offers.sending.value.has(a.session)}
      offerError={offers.errors.value.get(a.session)}
      onOpenSession={props.onOpenSession}
      onOpenReplay={props.onOpenReplay}
      onAct={act}
      onOffer={offer}
      compact={compact}
      {...(props.onVerdict && { onVerdict: props.onVerdict })}
    />
  )
  return (
    <section class="alerts panel" aria-labelledby="alerts-heading">
      <div class="section-head">
        <h2 id="alerts-heading">Struggling now</h2>
        <StreamStatus status={alerts.status.value} />
      </div>
      <div class="toolbar">
        <StateFilterPicker filter={stateFilter} />
        <AlertPrefs notifier={props.notifier} />
      </div>
      {groups.length > 0 && (
        <p class="meta queue-summary" data-testid="queue-summary">
          {groups.length} problem{groups.length === 1 ? '' : 's'}
          {waitingHelp > 0 && (
            <strong class="help-pill" data-testid="waiting-help" data-count={waitingHelp}>
              {waitingHelp} waiting for help
            </strong>
          )}
        </p>
      )}
      {alerts.error.value && (
        <p class="error" role="alert">
          {alerts.error.value}
        </p>
      )}
      {list.length === 0 && (
        <p class="empty">
          {hidden > 0
            ? `No ${stateFilter.value} alerts (${hidden} other${hidden === 1 ? '' : 's'} in this range). `
            : 'No struggle alerts in this range. '}
          New ones appear here as they happen.
        </p>
      )}
      {/* Always rendered: a live region must exist before its first addition to be announced. */}
      <ol class="alert-list" aria-live="polite" aria-relevant="additions">
        {visible.map((g) => (
          <li key={g.key}>
            {g.alerts.length === 1 ? (
              // One alert in the group (checked just above).
              card(g.alerts[0]!)
            ) : (
              <IssueCard
                group={g}
                now={now.value}
                expanded={expanded.has(g.key)}
                onToggle={() => toggle(g.key)}
                renderAlert={card}
                sending={sendingAll.has(g.key)}
                compact={compact}
                deps={(expanded.has(g.key) ? g.alerts : g.help).flatMap((a) => [
                  pages.get(a.session),
                  actions.pending.value.get(a.id),
                  actions.errors.value.get(a.id),
                  byOffer.get(a.session),
                  offers.sending.value.has(a.session),
                  offers.errors.value.get(a.session),
                  selectedSession.value === a.session,
                ])}
                onOfferAll={(m, l) => offerAll(g.key, g.alerts, m, l)}
              />
            )}
          </li>
        ))}
      </ol>
      {groups.length > wanted.length && (
        <button type="button" class="more" data-testid="alerts-more" onClick={() => setLimit((n) => n + WINDOW)}>
          Show {Math.min(WINDOW, groups.length - wanted.length)} more of {groups.length - wanted.length} problems
        </button>
      )}
    </section>
  )
}
