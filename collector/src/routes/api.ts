import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from '../ApiError.ts'
import { requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import type { IngestStats } from '../ingest/IngestStats.ts'
import type { LiveBus, Alert } from '../live/LiveBus.ts'
import { querySignals } from '../queries/querySignals.ts'
import { queryFrictionPages } from '../queries/queryFrictionPages.ts'
import { queryFrictionElements } from '../queries/queryFrictionElements.ts'
import { queryRecentAlerts } from '../queries/queryRecentAlerts.ts'
import type { Sites } from '../sites/Sites.ts'
import { parseRange } from './parseRange.ts'

export interface ApiDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  tokens: Tokens
  /** Signs sessions: the admin token. */
  token: string
  stats: IngestStats
  /** Heartbeat on the alert stream, ms: keeps proxies from closing an idle stream. Default 15 s. */
  heartbeatMs?: number
}

/** `/api/*`: everything the dashboard reads; an agent or admin token (or its session) required. */
export function apiRoutes({ client, bus, sites, tokens, token, stats, heartbeatMs = 15_000 }: ApiDeps) {
  return new Hono()
    .use('*', requireRole(tokens, token, 'agent'))
    .get('/sites', (c) => c.json({ sites: sites.list() }))
    .get('/stats', (c) => c.json({ ingest: stats.toJSON() }))
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
      return streamSSE(c, async (stream) => {
        const queue: Alert[] = []
        let wake: (() => void) | undefined
        const unsubscribe = bus.subscribe((alert) => {
          if (site && alert.site !== site) return
          queue.push(alert)
          wake?.()
        })
        stream.onAbort(() => {
          unsubscribe()
          wake?.()
        })
        await stream.writeSSE({ event: 'ready', data: '{}' })
        while (!stream.aborted && !stream.closed) {
          const alert = queue.shift()
          if (alert) {
            await stream.writeSSE({ event: 'alert', id: alert.id, data: JSON.stringify(alert) })
            continue
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, heartbeatMs)
            wake = () => {
              clearTimeout(timer)
              resolve()
            }
          })
          wake = undefined
          if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n')
        }
        unsubscribe()
      })
    })
}

/** The API's type, for the dashboard's typed client (`hono/client`). */
export type ApiType = ReturnType<typeof apiRoutes>
