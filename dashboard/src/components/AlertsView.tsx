import type { ReadonlySignal, Signal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { Alert } from '@wince/collector'
import { matchesFilter, type AlertAction, type StateFilter } from '../lib/alertStates.ts'
import type { AlertActionsModel } from '../models/alertActionsModel.ts'
import type { AlertsModel } from '../models/alertsModel.ts'
import type { NotifierModel } from '../models/notifierModel.ts'
import type { OffersModel } from '../models/offersModel.ts'
import type { SessionPagesModel } from '../models/sessionPagesModel.ts'
import { AlertCard } from './AlertCard.tsx'
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
}

const EMPTY: readonly never[] = []

/** Support staff's queue: struggling sessions, newest first, new ones arriving live, each with what to do about it. */
export function AlertsView(props: Props) {
  const { alerts, actions, offers, sessionPages, now, selectedSession, stateFilter } = props
  const all = alerts.alerts.value
  const list = all.filter((a) => matchesFilter(a, stateFilter.value))
  const pages = sessionPages.bySession.value
  const byOffer = offers.bySession.value

  // Time on site and last pages come from each shown session's page views.
  useEffect(() => {
    for (const a of list) sessionPages.ensure(a.site, a.session)
  }, [list, sessionPages])

  const act = (a: Alert, action: AlertAction, note: string) => void actions.act(a, action, note)
  const offer = (a: Alert, message: string, link: string | undefined) => offers.send(a.site, a.session, message, link)
  const hidden = all.length - list.length
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
      {alerts.error.value && (
        <p class="error" role="alert">
          {alerts.error.value}
        </p>
      )}
      {list.length === 0 && (
        <p class="empty">
          {hidden > 0 ? `No ${stateFilter.value} alerts (${hidden} other${hidden === 1 ? '' : 's'} in this range). ` : 'No struggle alerts in this range. '}
          New ones appear here as they happen.
        </p>
      )}
      {/* Always rendered: a live region must exist before its first addition to be announced. */}
      <ol class="alert-list" aria-live="polite" aria-relevant="additions">
        {list.map((a) => (
          <li key={a.id}>
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
            />
          </li>
        ))}
      </ol>
    </section>
  )
}
