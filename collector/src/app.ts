import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from './ApiError.ts'
import { apiRoutes } from './routes/api.ts'
import { collectRoutes } from './routes/collect.ts'
import { pageRoutes, type PageDirs } from './routes/pages.ts'
import { settingsRoutes } from './routes/settings.ts'
import { visitorRoutes } from './routes/visitor.ts'
import type { WebhookSender } from './webhooks/WebhookSender.ts'
import type { Tokens } from './auth/Tokens.ts'
import type { IngestStats } from './ingest/IngestStats.ts'
import type { Rate } from './ingest/RateLimiter.ts'
import type { LiveBus } from './live/LiveBus.ts'
import type { Sites } from './sites/Sites.ts'
import type { Writer } from './store/Writer.ts'
import { SiteDiagnostics } from './diagnostics/SiteDiagnostics.ts'

export type { ApiType } from './routes/api.ts'
export type { Alert, AlertState, AlertUpdate, Offer, OfferAnswer } from './live/LiveBus.ts'
export type { Delivery } from './webhooks/WebhookSender.ts'
export type { SignalRow } from './queries/querySignals.ts'
export type { FrictionPage } from './queries/queryFrictionPages.ts'
export type { FrictionElement } from './queries/queryFrictionElements.ts'
export type { Issue, IssueStatus } from './issues/listIssues.ts'
export type { SessionRow } from './queries/querySessionList.ts'
export type { SiteDiagnosis } from './diagnostics/SiteDiagnostics.ts'

export interface AppDeps {
  client: ClickHouseClient
  writer: Writer
  bus: LiveBus
  sites: Sites
  tokens: Tokens
  /** The admin token; also signs dashboard sessions. */
  token: string
  stats: IngestStats
  dirs: PageDirs
  /** Per-IP beacon rate limit (default in routes/collect.ts). */
  ipRate?: Rate
  /** Trust `X-Forwarded-For` for the client IP. */
  trustProxy?: boolean
  /** Sends alerts to the sites' webhooks. */
  webhooks?: WebhookSender
  /** Per-site ingest counts (diagnostics); a fresh one when not given. */
  diagnostics?: SiteDiagnostics
}

/** Builds the whole collector app; `start.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      const origin = c.res.headers.get('access-control-allow-origin')
      return err.toResponse(origin ? { 'access-control-allow-origin': origin } : {})
    }
    console.error(`wince: ${c.req.method} ${c.req.path} failed:`, err)
    return c.json({ error: 'internal error' }, 500)
  })
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404))
  const { webhooks } = deps
  deps = { ...deps, diagnostics: deps.diagnostics ?? new SiteDiagnostics() }
  app.route('/', collectRoutes({ ...deps, ...(webhooks && { onAlert: (alert, site) => webhooks.send(alert, site) }) }))
  app.route('/', visitorRoutes(deps))
  app.route('/api/settings', settingsRoutes(deps))
  app.route('/api', apiRoutes({ ...deps, diagnostics: deps.diagnostics! }))
  app.route('/', pageRoutes(deps.dirs, deps.tokens, deps.token))
  return app
}
