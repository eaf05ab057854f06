import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from './ApiError.ts'
import { apiRoutes } from './routes/api.ts'
import { collectRoutes } from './routes/collect.ts'
import { pageRoutes, type PageDirs } from './routes/pages.ts'
import type { LiveBus } from './live/LiveBus.ts'
import type { Sites } from './sites/Sites.ts'
import type { Writer } from './store/Writer.ts'

export type { ApiType } from './routes/api.ts'
export type { Alert } from './live/LiveBus.ts'
export type { SignalRow } from './queries/querySignals.ts'
export type { FrictionPage } from './queries/queryFrictionPages.ts'
export type { FrictionElement } from './queries/queryFrictionElements.ts'

export interface AppDeps {
  client: ClickHouseClient
  writer: Writer
  bus: LiveBus
  sites: Sites
  /** The admin token the API and dashboard require. */
  token: string
  dirs: PageDirs
}

/** Builds the whole collector app; `server.ts` serves it, tests call `app.request()`. */
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
  app.route('/', collectRoutes(deps))
  app.route('/api', apiRoutes(deps))
  app.route('/', pageRoutes(deps.dirs, deps.token))
  return app
}
