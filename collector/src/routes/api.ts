import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import type { IngestStats } from '../ingest/state/IngestStats.ts'
import type { WebhookSender } from '../webhooks/WebhookSender.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { HelpDesk } from '../live/HelpDesk.ts'
import { querySignals } from '../queries/querySignals.ts'
import { queryRecentAlerts } from '../queries/queryRecentAlerts.ts'
import type { Sites } from '../sites/Sites.ts'
import { redactSite } from '../sites/redactSite.ts'
import { z } from 'zod'
import { valid } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { optionalSiteQuery, rangeQuery } from '../validate/queries.ts'
import { heatmapApi } from './heatmapApi.ts'
import { sessionsApi } from './sessionsApi.ts'
import { liveRoutes } from './live.ts'
import { issuesApi } from './issuesApi.ts'
import { frictionApi } from './frictionApi.ts'
import { sessionListApi } from './sessionListApi.ts'
import { diagnosticsApi } from './diagnosticsApi.ts'
import type { SiteDiagnostics } from '../diagnostics/SiteDiagnostics.ts'
import type { SnapshotWanted } from '../ingest/storeCache/SnapshotWanted.ts'
import { snapshotRefreshApi } from './snapshotRefreshApi.ts'
import type { Learning } from '../learning/Learning.ts'
import { learningApi } from './learningApi.ts'
import { outcomesApi } from './outcomesApi.ts'

export interface ApiDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  tokens: Tokens
  /** Signs sessions: the admin token. */
  token: string
  stats: IngestStats
  webhooks?: WebhookSender
  /** Agents' presence (their open alert streams) and what live help keeps. */
  desk?: HelpDesk
  diagnostics: SiteDiagnostics
  /** The sites' applied rules. */
  learning: Learning
  /** Heartbeat on the alert stream, ms: keeps proxies from closing an idle stream. Default 15 s. */
  heartbeatMs?: number
  /** Which page views are asked for a snapshot (shared with the visitor routes). */
  wanted: SnapshotWanted
}

/** `/api/signals`: a range, optionally one session and one signal type. */
const signalsQuery = z
  .object({
    site: z.string({ error: 'required (e.g. ?site=demo)' }),
    from: z.string().optional(),
    to: z.string().optional(),
    session: id.optional(),
    type: z
      .string()
      .regex(/^[a-z_]{1,32}$/, 'a signal type such as rage_click')
      .optional(),
  })
  .transform(({ session, type, ...range }) => ({ ...rangeQuery.parse(range), session, type }))

/** `/api/*`: everything the dashboard reads; an agent or admin token (or its session) required. */
export function apiRoutes({
  client,
  bus,
  sites,
  tokens,
  token,
  stats,
  webhooks,
  diagnostics,
  learning,
  desk = new HelpDesk(),
  heartbeatMs = 15_000,
  wanted,
}: ApiDeps) {
  return new Hono()
    .use('*', requireRole(tokens, token, 'agent'))
    .route('/', heatmapApi(client))
    .route('/', frictionApi(client))
    .route('/', sessionsApi(client))
    .route('/', issuesApi(client, sites))
    .route('/', sessionListApi(client, sites))
    .route('/', diagnosticsApi(diagnostics, sites))
    .route('/', snapshotRefreshApi({ client, sites, tokens, token, wanted }))
    .route('/', liveRoutes({ client, bus, tokens, token, sites }))
    .route('/', learningApi({ client, sites, tokens, token, learning, desk }))
    .route('/', outcomesApi(client, sites))
    .get('/sites', (c) => c.json({ sites: sites.list().map(redactSite) }))
    .get('/stats', (c) => c.json({ ingest: stats.toJSON() }))
    .get('/webhooks/deliveries', valid('query', optionalSiteQuery), (c) =>
      c.json({ deliveries: webhooks?.deliveries(c.req.valid('query').site) ?? [] }),
    )
    .get('/signals', valid('query', signalsQuery), async (c) => {
      const q = c.req.valid('query')
      const signals = await querySignals(client, q)
      return c.json({ signals })
    })
    .get('/alerts', valid('query', rangeQuery), async (c) => {
      const range = c.req.valid('query')
      return c.json({ alerts: await queryRecentAlerts(client, range) })
    })
    .get('/alerts/stream', valid('query', optionalSiteQuery), (c) => {
      const { site } = c.req.valid('query')
      // An open stream is an agent who could answer a help request on that site.
      return streamMessages(c, bus, {
        heartbeatMs,
        filter: (m) => m.kind !== 'agent-joined' && m.kind !== 'presence' && (!site || m.site === site),
        onClose: desk.presence.join(site),
      })
    })
}

/** The API's type, for the dashboard's typed client (`hono/client`). */
export type ApiType = ReturnType<typeof apiRoutes>
