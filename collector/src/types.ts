/**
 * The collector's types that its consumers import (the dashboard, with `import type`):
 * the typed API, the live messages and the rows its endpoints answer with. Types only:
 * importing it pulls no collector code into a bundle.
 */
export type { ApiType } from './routes/api.ts'
export type { Alert, AlertState, AlertUpdate, AgentJoined, Offer, OfferAnswer } from './live/LiveBus.ts'
export type { Delivery } from './webhooks/WebhookSender.ts'
export type { SignalRow } from './queries/querySignals.ts'
export type { FrictionPage } from './queries/queryFrictionPages.ts'
export type { FrictionElement } from './queries/queryFrictionElements.ts'
export type { SegmentFamilies, SegmentFamily } from './queries/querySegmentFamilies.ts'
export type { Issue, IssueStatus } from './issues/listIssues.ts'
export type { SessionRow } from './queries/querySessionList.ts'
export type { SiteDiagnosis } from './diagnostics/SiteDiagnostics.ts'
export type { HeatCell } from './queries/queryClickCells.ts'
export type { StoredSnapshot } from './queries/queryLatestSnapshot.ts'
export type { Hotspot } from './routes/heatmapApi.ts'
export type { HotspotSession } from './queries/queryHotspotSessions.ts'
export type { LearningView } from './learning/learningView.ts'
export type { Rule } from './learning/Rule.ts'
export type { AlertExplain } from './learning/Learning.ts'
export type { Outcomes } from './learning/outcomes.ts'
