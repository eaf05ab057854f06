import { Hono, type Context } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { queryPendingOffers } from '../queries/queryPendingOffers.ts'
import { publicSettings, type Site, type Sites } from '../sites/Sites.ts'
import { requestOrigin } from './collect.ts'

/**
 * How long a visitor's return channel stays open without an offer, ms. The
 * snippet opens it only while its session struggles; an agent answers within
 * minutes or not at all.
 */
export const VISITOR_CHANNEL_IDLE_MS = 5 * 60 * 1000

export interface VisitorDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  /** Heartbeat on streams, ms. */
  heartbeatMs?: number
}

const id = /^[\w-]{1,64}$/
const answerBody = z.strictObject({
  s: z.string().regex(id),
  sid: z.string().regex(id),
  offerId: z.string().regex(id),
  answer: z.enum(['accepted', 'dismissed']),
})

/** The site and origin of a visitor's request, checked like a beacon's (403 otherwise); sets CORS. */
function visitorSite(c: Context, sites: Sites, siteId: string | undefined): Site {
  const origin = requestOrigin(c.req.header('origin'), c.req.header('referer'))
  if (origin) {
    c.header('access-control-allow-origin', origin)
    c.header('vary', 'Origin')
  }
  const site = siteId ? sites.get(siteId) : undefined
  if (!site) throw new ApiError(403, `unknown site "${siteId ?? ''}"`)
  if (!origin || !sites.allows(site, origin)) throw new ApiError(403, `origin ${origin ?? '(none)'} is not allowed for site "${site.id}"`)
  return site
}

/** What a visitor's page uses besides beacons: the offers channel and the answer to an offer. */
export function visitorRoutes({ client, bus, sites, heartbeatMs = 15_000 }: VisitorDeps) {
  return new Hono()
    .get('/v1/site', (c) => {
      const site = visitorSite(c, sites, c.req.query('s'))
      // Settings change rarely; a minute of caching spares a request per page view.
      c.header('cache-control', 'public, max-age=60')
      return c.json(publicSettings(site))
    })
    .get('/v1/live', (c) => {
      const session = c.req.query('sid') ?? ''
      if (!id.test(session)) throw new ApiError(400, 'sid: letters, digits, _ or - only')
      const site = visitorSite(c, sites, c.req.query('s'))
      return streamMessages(c, bus, {
        heartbeatMs,
        idleMs: VISITOR_CHANNEL_IDLE_MS,
        filter: (m) => m.kind === 'offer' && m.site === site.id && m.session === session,
        backlog: () => queryPendingOffers(client, site.id, session),
      })
    })
    .options('/v1/answer', (c) => {
      c.header('access-control-allow-origin', c.req.header('origin') ?? '*')
      c.header('access-control-allow-methods', 'POST')
      c.header('access-control-allow-headers', 'content-type')
      return c.body(null, 204)
    })
    .post('/v1/answer', async (c) => {
      let body: unknown
      try {
        body = JSON.parse(await c.req.text())
      } catch {
        throw new ApiError(400, 'body is not valid JSON')
      }
      const parsed = answerBody.safeParse(body)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new ApiError(400, `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      }
      const site = visitorSite(c, sites, parsed.data.s)
      const at = Date.now()
      bus.publish({
        id: `ans-${parsed.data.offerId}`,
        kind: 'offer-answer',
        site: site.id,
        session: parsed.data.sid,
        at,
        data: { offerId: parsed.data.offerId, answer: parsed.data.answer, at },
      })
      return c.json({ ok: true }, 202)
    })
}
