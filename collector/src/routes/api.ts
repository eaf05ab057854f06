import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from '../ApiError.ts'
import { requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import type { IngestStats } from '../ingest/IngestStats.ts'
import type { WebhookSender } from '../webhooks/WebhookSender.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { querySignals } from '../queries/querySignals.ts'
import { queryFrictionPages } from '../queries/queryFrictionPages.ts'
import { queryFrictionElements } from '../queries/queryFrictionElements.ts'
import { queryRecentAlerts } from '../queries/queryRecentAlerts.ts'
import type { Sites } from '../sites/Sites.ts'
import { parseRange } from './parseRange.ts'
import { heatmapApi } from './heatmapApi.ts'
import { sessionsApi } from './sessionsApi.ts'
import { liveRoutes } from './live.ts'
import { issuesApi } from './issuesApi.ts'
import { sessionListApi } from './sessionListApi.ts'
import { diagnosticsApi } from './diagnosticsApi.ts'
import type { SiteDiagnostics } from '../diagnostics/SiteDiagnostics.ts'

export interface ApiDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  tokens: Tokens
  /** Signs sessions: the admin token. */
  token: string
  stats: IngestStats
  webhooks?: WebhookSender
  diagnostics: SiteDiagnostics
  /** Heartbeat on the alert stream, ms: keeps proxies from closing an idle stream. Default 15 s. */
  heartbeatMs?: number
}

/** `/api/*`: everything the dashboard reads; an agent or admin token (or its session) required. */
export function apiRoutes({ client, bus, sites, tokens, token, stats, webhooks, diagnostics, heartbeatMs = 15_000 }: ApiDeps) {
  return new Hono()
    .use('*', requireRole(tokens, token, 'agent'))
    .route('/', heatmapApi(client))
    .route('/', sessionsApi(client))
    .route('/', issuesApi(client, sites))
    .route('/', sessionListApi(client, sites))
    .route('/', diagnosticsApi(diagnostics, sites))
    .route('/', liveRoutes({ client, bus, tokens, token }))
    .get('/sites', (c) => c.json({ sites: sites.list() }))
    .get('/stats', (c) => c.json({ ingest: stats.toJSON() }))
    .get('/webhooks/deliveries', (c) => c.json({ deliveries: webhooks?.deliveries(c.req.query('site')) ?? [] }))
    .get('/signals', async (c) => {
      const q = c.req.query()
      const range = parseRange(q)
      if (q.type && !/^[a-z_]{1,32}$/.test(q.type)) throw new ApiError(400, 'type: a signal type such as rage_click')
      const signals = await querySignals(client, { ...range, session: q.session, type: q.type })
      return c.json({ signals })
    })
    .get('/friction', async (c) => {
      const range = parseRange(c.req.query())
      const [pages, elements] = await Promise.all([queryFrictionPages(client, range), queryFrictionElements(client, range)])
      return c.json({ pages, elements })
    })
    .get('/alerts', async (c) => {
      const range = parseRange(c.req.query())
      return c.json({ alerts: await queryRecentAlerts(client, range) })
    })
    .get('/alerts/stream', (c) => {
      const site = c.req.query('site')
      return streamMessages(c, bus, { heartbeatMs, filter: (m) => !site || m.site === site })
    })
}

/** The API's type, for the dashboard's typed client (`hono/client`). */
export type ApiType = ReturnType<typeof apiRoutes>
