import type { ReadonlySignal } from '@preact/signals'
import type { Alert } from '@wince/collector'
import type { AlertsModel } from '../models/alertsModel.ts'
import { AlertCard } from './AlertCard.tsx'
import { StreamStatus } from './StreamStatus.tsx'

export interface Props {
  alerts: AlertsModel
  now: ReadonlySignal<number>
  /** The session open in the panel, to mark its alerts. */
  selectedSession: ReadonlySignal<string | null>
  onOpenSession(alert: Alert): void
}

/** Support staff's main view: struggle alerts, newest first, new ones arriving live. */
export function AlertsView({ alerts, now, selectedSession, onOpenSession }: Props) {
  const list = alerts.alerts.value
  return (
    <section class="alerts panel" aria-labelledby="alerts-heading">
      <div class="section-head">
        <h2 id="alerts-heading">Live struggle alerts</h2>
        <StreamStatus status={alerts.status.value} />
      </div>
      {alerts.error.value && (
        <p class="error" role="alert">
          {alerts.error.value}
        </p>
      )}
      {list.length === 0 && <p class="empty">No struggle alerts in this range. New ones appear here as they happen.</p>}
      {/* Always rendered: a live region must exist before its first addition to be announced. */}
      <ol class="alert-list" aria-live="polite" aria-relevant="additions">
        {list.map((a) => (
          <li key={a.id}>
            <AlertCard alert={a} now={now.value} fresh={alerts.arrivedLive(a.id)} selected={selectedSession.value === a.session} onOpenSession={onOpenSession} />
          </li>
        ))}
      </ol>
    </section>
  )
}
