import { untracked, useSignalEffect } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { Alert } from '@wince/collector'
import type { AlertsModel } from '../models/alertsModel.ts'
import type { ClockModel } from '../models/clockModel.ts'
import type { FiltersModel } from '../models/filtersModel.ts'
import type { FrictionModel } from '../models/frictionModel.ts'
import type { SessionModel } from '../models/sessionModel.ts'
import { AlertsView } from './AlertsView.tsx'
import { FrictionView } from './FrictionView.tsx'
import { Header } from './Header.tsx'
import { SessionPanel } from './SessionPanel.tsx'

/** How far before an alert a session's timeline starts: the struggle builds up over minutes, a visit rarely lasts hours. */
const SESSION_LOOKBACK_MS = 6 * 3_600_000

export interface AppModels {
  filters: FiltersModel
  alerts: AlertsModel
  friction: FrictionModel
  session: SessionModel
  clock: ClockModel
}

export interface Props {
  models: AppModels
}

/** The whole dashboard: header, live alerts with the session beside them, friction below. */
export function App({ models }: Props) {
  const { filters, alerts, friction, session, clock } = models

  useEffect(() => clock.start(), [clock])
  useEffect(() => void filters.loadSites(), [filters])
  useEffect(() => filters.persist((search) => history.replaceState(history.state, '', search)), [filters])

  // Re-run when site or range change; untracked so the watchers' own reads do not restart them.
  useSignalEffect(() => {
    const site = filters.site.value
    const ms = filters.range.value.ms
    return untracked(() => alerts.watch(site, ms))
  })
  useSignalEffect(() => {
    const site = filters.site.value
    const ms = filters.range.value.ms
    return untracked(() => friction.watch(site, ms))
  })
  useSignalEffect(() => {
    void filters.site.value
    untracked(() => session.close())
  })

  const openSession = (alert: Alert) => void session.open(filters.site.peek(), alert.session, alert.ts - SESSION_LOOKBACK_MS)
  const refreshFriction = () => void friction.refresh(filters.site.peek(), filters.range.peek().ms)

  return (
    <>
      <Header filters={filters} />
      <main class="layout">
        <AlertsView alerts={alerts} now={clock.now} selectedSession={session.session} onOpenSession={openSession} />
        <SessionPanel session={session} now={clock.now} />
        <FrictionView friction={friction} now={clock.now} onRefresh={refreshFriction} />
      </main>
    </>
  )
}
