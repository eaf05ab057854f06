import { untracked, useSignalEffect } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import type { Alert } from '@wince/collector'
import type { AlertActionsModel } from '../models/alertActionsModel.ts'
import type { AlertsModel } from '../models/alertsModel.ts'
import type { ClockModel } from '../models/clockModel.ts'
import type { DeliveriesModel } from '../models/deliveriesModel.ts'
import type { FiltersModel } from '../models/filtersModel.ts'
import type { FrictionModel } from '../models/frictionModel.ts'
import type { HeatmapModel } from '../models/heatmapModel.ts'
import type { NotifierModel } from '../models/notifierModel.ts'
import type { OffersModel } from '../models/offersModel.ts'
import type { ReplayModel } from '../models/replayModel.ts'
import type { SessionModel } from '../models/sessionModel.ts'
import type { SessionPagesModel } from '../models/sessionPagesModel.ts'
import { AlertsView } from './AlertsView.tsx'
import { DeliveriesPanel } from './DeliveriesPanel.tsx'
import { FrictionView } from './FrictionView.tsx'
import { Header } from './Header.tsx'
import { HeatmapView } from './HeatmapView.tsx'
import { ReplayPanel } from './ReplayPanel.tsx'
import { SessionPanel } from './SessionPanel.tsx'
import type { Issue } from '@wince/collector'
import { segmentQuery, type IssuesModel } from '../models/issuesModel.ts'
import type { SessionListModel } from '../models/sessionListModel.ts'
import type { SettingsModel } from '../models/settingsModel.ts'
import { IssuesView } from './IssuesView.tsx'
import { IssuesTable } from './IssuesTable.tsx'
import { SessionsView } from './SessionsView.tsx'
import { SettingsView } from './SettingsView.tsx'
import type { LearningModel } from '../models/learningModel.ts'
import type { SegmentFamiliesModel } from '../models/segmentFamiliesModel.ts'
import { LearningPanel } from './LearningPanel.tsx'

/** How far before an alert a session's timeline starts: the struggle builds up over minutes, a visit rarely lasts hours. */
const SESSION_LOOKBACK_MS = 6 * 3_600_000

export interface AppModels {
  filters: FiltersModel
  alerts: AlertsModel
  actions: AlertActionsModel
  offers: OffersModel
  sessionPages: SessionPagesModel
  deliveries: DeliveriesModel
  notifier: NotifierModel
  friction: FrictionModel
  heatmap: HeatmapModel
  session: SessionModel
  replay: ReplayModel
  clock: ClockModel
  issues: IssuesModel
  sessionList: SessionListModel
  settings: SettingsModel
  learning: LearningModel
  /** What the segment pickers offer. */
  segments: SegmentFamiliesModel
}

export interface Props {
  models: AppModels
}

/** The whole dashboard: header and tabs, then the live queue, the heatmaps or the friction overview. */
export function App({ models }: Props) {
  const { filters, alerts, friction, heatmap, session, replay, clock } = models
  const view = filters.view.value

  useEffect(() => clock.start(), [clock])
  useEffect(() => void filters.loadSites(), [filters])
  useEffect(
    () =>
      filters.persist(
        (search) => history.replaceState(history.state, '', search),
        (): Record<string, string> =>
          // Issues and Friction share one segment: a link to either keeps it.
          filters.view.value === 'issues' || filters.view.value === 'friction'
            ? segmentQuery(models.issues.segment.value)
            : filters.view.value === 'heatmaps' && heatmap.url.value
              ? {
                  page: heatmap.url.value,
                  vc: heatmap.vc.value,
                  layer: heatmap.layer.value,
                  // The heatmap model reads them back from a shared link.
                  ...segmentQuery({ ...heatmap.segment.value, device: '' }),
                }
              : {},
      ),
    [filters, heatmap, models.issues],
  )

  // Re-run when site or range change; untracked so the watchers' own reads do not restart them.
  // The alert stream stays open on every tab: sound and notifications must not depend on the tab shown.
  useSignalEffect(() => {
    const site = filters.site.value
    const ms = filters.range.value.ms
    return untracked(() => alerts.watch(site, ms))
  })
  useSignalEffect(() => {
    const site = filters.site.value
    if (filters.view.value !== 'live') return
    return untracked(() => models.deliveries.watch(site))
  })
  useSignalEffect(() => {
    const site = filters.site.value
    const ms = filters.range.value.ms
    if (filters.view.value !== 'friction') return
    return untracked(() => friction.watch(site, ms))
  })
  useSignalEffect(() => {
    const site = filters.site.value
    const ms = filters.range.value.ms
    if (filters.view.value !== 'heatmaps') return
    return untracked(() => heatmap.watch(site, ms))
  })
  useSignalEffect(() => {
    const site = filters.site.value
    const ms = filters.range.value.ms
    const view = filters.view.value
    untracked(() => {
      if (view === 'issues' || view === 'friction') void models.issues.refresh(site, ms)
      if (view === 'sessions') void models.sessionList.refresh(site, ms)
      if (view === 'settings') void models.settings.load(site)
      if (view === 'learning') void models.learning.refresh(site, ms)
      if (view === 'heatmaps' || view === 'friction' || view === 'issues' || view === 'sessions')
        void models.segments.refresh(site, ms)
    })
  })
  useSignalEffect(() => {
    void filters.site.value
    untracked(() => {
      session.close()
      replay.close()
      models.offers.clear()
      models.sessionPages.clear()
    })
  })

  // The open session follows the visitor: a new alert or help request of theirs reloads its signals.
  const followed = useRef('')
  useSignalEffect(() => {
    const id = session.session.value
    const latest = id ? alerts.alerts.value.find((a) => a.session === id) : undefined
    const key = `${latest?.id}:${latest?.help}`
    const before = followed.current
    followed.current = `${id}|${key}`
    // Only a change for the session already open: opening it loads it anyway.
    if (id && before.startsWith(`${id}|`) && before !== followed.current) untracked(() => void session.refresh())
  })

  const site = () => filters.site.peek()
  const openSession = (alert: Alert) => void session.open(site(), alert.session, alert.ts - SESSION_LOOKBACK_MS)
  const openReplay = (id: string) => void replay.open(site(), id)
  const refreshFriction = () => void friction.refresh(site(), filters.range.peek().ms)
  const openId = session.session.value
  const sessionAlert = openId ? alerts.alerts.value.find((a) => a.session === openId) : undefined
  const ms = () => filters.range.peek().ms
  // An issue's sessions: the Sessions view narrowed to its page, element and signal type.
  const issueSessions = (issue: Issue) => {
    models.sessionList.filter.value = {
      ...models.sessionList.filter.peek(),
      type: issue.type,
      url: issue.url,
      selector: issue.selector,
      converted: '',
      minScore: '',
    }
    filters.view.value = 'sessions'
  }
  // Verdicts on an alert (its main reason) or an issue row: the team's word, which proposals and calibration read.
  const alertVerdict = (alert: Alert, verdict: 'real' | 'not', reason: string) =>
    models.learning.verdict({ site: alert.site, alert: alert.id, verdict, ...(reason && { reason }) })
  const issueVerdict = (issue: Issue, verdict: 'real' | 'not', reason: string) =>
    models.learning.verdict({
      site: site(),
      issue: { url: issue.url, selector: issue.selector, type: issue.type },
      verdict,
      ...(reason && { reason }),
    })
  const sessionPanel = (
    <SessionPanel
      session={session}
      now={clock.now}
      alert={sessionAlert}
      pages={openId ? models.sessionPages.bySession.value.get(openId) : undefined}
      onOpenReplay={openReplay}
    />
  )

  return (
    <>
      <Header filters={filters} />
      <main id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} class={`layout view-${view}`}>
        <ReplayPanel replay={replay} />
        {view === 'live' && (
          <>
            <AlertsView
              alerts={alerts}
              actions={models.actions}
              offers={models.offers}
              sessionPages={models.sessionPages}
              notifier={models.notifier}
              stateFilter={filters.alertState}
              now={clock.now}
              selectedSession={session.session}
              onOpenSession={openSession}
              onOpenReplay={(a) => openReplay(a.session)}
              onVerdict={alertVerdict}
            />
            <div class="side">
              {sessionPanel}
              <DeliveriesPanel deliveries={models.deliveries} now={clock.now} />
            </div>
          </>
        )}
        {view === 'heatmaps' && (
          <HeatmapView
            heatmap={heatmap}
            now={clock.now}
            onOpenSession={(id, last) => void session.open(site(), id, last - SESSION_LOOKBACK_MS)}
            aside={session.session.value ? sessionPanel : null}
            families={models.segments.families.value}
          />
        )}
        {view === 'friction' && (
          <FrictionView
            friction={friction}
            families={models.segments.families.value}
            now={clock.now}
            onRefresh={refreshFriction}
            onSegment={() => {
              // What to fix first shares the tables' segment (main.tsx): both follow it.
              refreshFriction()
              void models.issues.refresh(site(), ms())
            }}
          >
            <h3>What to fix first</h3>
            <IssuesTable
              issues={models.issues.issues.value.slice(0, 5)}
              onSessions={issueSessions}
              trend
              loading={models.issues.loading.value}
              segmented={Object.values(models.issues.segment.value).some(Boolean)}
            />
          </FrictionView>
        )}
        {view === 'issues' && (
          <IssuesView
            issues={models.issues}
            families={models.segments.families.value}
            onRefresh={() => void models.issues.refresh(site(), ms())}
            onStatus={(issue, status) => void models.issues.setStatus(site(), issue.id, status, ms())}
            onSessions={issueSessions}
            onVerdict={issueVerdict}
          />
        )}
        {view === 'learning' && (
          <LearningPanel
            learning={models.learning}
            now={clock.now.value}
            onRefresh={() => void models.learning.refresh(site(), ms())}
            onDecide={(id, action, why) => void models.learning.decide(site(), id, action, why, ms())}
          />
        )}
        {view === 'sessions' && (
          <SessionsView
            list={models.sessionList}
            families={models.segments.families.value}
            onRefresh={() => void models.sessionList.refresh(site(), ms())}
            onOpen={(row) => {
              void session.open(site(), row.session, row.start - 1)
              if (row.replay) openReplay(row.session)
            }}
            aside={session.session.value ? sessionPanel : null}
          />
        )}
        {view === 'settings' && (
          <SettingsView settings={models.settings} site={filters.site.value} now={clock.now.value} />
        )}
      </main>
    </>
  )
}
