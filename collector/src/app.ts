import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from './ApiError.ts'
import { apiRoutes } from './routes/api.ts'
import { collectRoutes } from './routes/collect.ts'
import { healthRoutes } from './routes/health.ts'
import type { Lifecycle } from './serve/Lifecycle.ts'
import { pageRoutes, type PageDirs } from './routes/pages.ts'
import { settingsRoutes } from './routes/settings.ts'
import { visitorRoutes } from './routes/visitor.ts'
import { SnapshotWanted } from './ingest/storeCache/SnapshotWanted.ts'
import { csrfGuard } from './security/csrfGuard.ts'
import { securityHeaders } from './security/securityHeaders.ts'
import { helpRoutes } from './routes/help.ts'
import { HelpDesk } from './live/HelpDesk.ts'
import type { WebhookSender } from './webhooks/WebhookSender.ts'
import { AlertGate, type AlertAdmitter } from './live/AlertGate.ts'
import type { Limits } from './broker/Limits.ts'
import type { StreamGate } from './live/StreamGate.ts'
import type { UploadLimits } from './ingest/state/UploadLimits.ts'
import type { Tokens } from './auth/Tokens.ts'
import type { IngestStats } from './ingest/state/IngestStats.ts'
import type { Rate } from './ingest/state/RateLimiter.ts'
import type { LiveBus } from './live/LiveBus.ts'
import type { Sites } from './sites/Sites.ts'
import type { Writer } from './store/Writer.ts'
import { SiteDiagnostics } from './diagnostics/SiteDiagnostics.ts'
import { Learning } from './learning/Learning.ts'

// The types the dashboard imports (`import type … from '@wince/collector'`).
export type * from './types.ts'

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
  /** New alerts a minute per IP (default in live/AlertGate.ts). */
  alertsPerIp?: number | undefined
  /** Which struggle events alert, shared by collectors on one Redis; default one process's `AlertGate` of `alertsPerIp`. */
  alertGate?: AlertAdmitter
  /** Rate limit buckets, shared by collectors on one Redis; default this process's. */
  limits?: Limits
  /** Caps on open visitor channels (`/v1/live`); `start.ts` keeps it to end them at shutdown. */
  streams?: StreamGate
  /** Rates and daily storage quota of snapshots and replay runs. */
  uploads?: UploadLimits
  /** Whether the server is stopping (for `/readyz`). */
  lifecycle?: Lifecycle
  /** Per-site ingest counts (diagnostics); a fresh one when not given. */
  diagnostics?: SiteDiagnostics
  /** The sites' applied rules (suppressions, tunings), shared through the store; a fresh one when not given. */
  learning?: Learning
}

/** Builds the whole collector app; `start.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      const origin = c.res.headers.get('access-control-allow-origin')
      return err.toResponse(origin ? { 'access-control-allow-origin': origin } : {})
    }
    // Hono's own 4xx (the validator's malformed JSON): the same JSON shape as ours.
    if (err instanceof HTTPException && err.status < 500)
      return c.json({ error: err.status === 400 ? 'body is not valid JSON' : err.message }, err.status)
    console.error(`wince: ${c.req.method} ${c.req.path} failed:`, err)
    return c.json({ error: 'internal error' }, 500)
  })
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404))
  const { webhooks } = deps
  const diagnostics = deps.diagnostics ?? new SiteDiagnostics()
  const learning = deps.learning ?? new Learning(deps.client)
  deps = { ...deps, diagnostics, learning }
  const trustProxy = deps.trustProxy ?? false
  app.use('*', securityHeaders())
  // Before any route: a route added later is covered without a line of its own.
  app.use('/api/*', csrfGuard({ trustProxy }))
  app.use('/logout', csrfGuard({ trustProxy }))
  app.use('/login', csrfGuard({ trustProxy, json: false }))
  app.route('/', healthRoutes(deps))
  const desk = new HelpDesk(deps.bus)
  const alertGate = deps.alertGate ?? new AlertGate(deps.alertsPerIp)
  app.route(
    '/',
    collectRoutes({
      ...deps,
      desk,
      alertGate,
      ...(deps.limits && { limits: deps.limits }),
      ...(webhooks && { onAlert: (alert, site) => webhooks.send(alert, site) }),
    }),
  )
  // One memory of which pages have a snapshot, so "take a new snapshot" and a changed text setting clear it for the visitor routes.
  const wanted = new SnapshotWanted(deps.client)
  app.route('/', visitorRoutes({ ...deps, wanted }))
  app.route('/', helpRoutes({ ...deps, desk }))
  app.route('/api/settings', settingsRoutes({ ...deps, wanted }))
  app.route('/api', apiRoutes({ ...deps, desk, diagnostics, wanted, learning }))
  app.route('/', pageRoutes(deps.dirs, deps.tokens, deps.token, { trustProxy }))
  return app
}
