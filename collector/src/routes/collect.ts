import { Hono, type Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { WireEvent } from '@wince/snippet/wire'
import { WIRE_VERSION } from '@wince/snippet/wire'
import { ApiError } from '../ApiError.ts'
import { describeIssues, envelopeSchema, eventSchema } from '../schema/beacon.ts'
import { checkEnvelope, checkEvent } from '../schema/checkBeacon.ts'
import { DEFAULT_SITE_RATE, type Site, type Sites } from '../sites/Sites.ts'
import type { Writer } from '../store/Writer.ts'
import type { Alert, LiveBus } from '../live/LiveBus.ts'
import { atTheDoor } from '../ingest/atTheDoor.ts'
import { botKind } from '../ingest/isBot.ts'
import { parseUserAgent } from '../ingest/parseUserAgent.ts'
import { IngestStats } from '../ingest/IngestStats.ts'
import { SiteDiagnostics } from '../diagnostics/SiteDiagnostics.ts'
import { RateLimiter, type Rate } from '../ingest/RateLimiter.ts'
import { RecentIds } from '../ingest/RecentIds.ts'
import { readBody } from '../ingest/readBody.ts'
import { toBatches } from '../ingest/toBatches.ts'

/**
 * Beacons per second from one IP address. A visitor's page sends one every
 * few seconds; an office behind one NAT, a few hundred visitors, stays far
 * under this; a loop hammering the collector does not.
 */
export const DEFAULT_IP_RATE: Rate = { rate: 50, burst: 200 }

export interface CollectDeps {
  sites: Sites
  writer: Writer
  bus: LiveBus
  stats?: IngestStats
  /** Per-IP limit; default {@link DEFAULT_IP_RATE}. */
  ipRate?: Rate
  /** Take the client IP from `X-Forwarded-For` (behind a trusted proxy). Default false. */
  trustProxy?: boolean
  /** Per-site counts for the diagnostics panel. */
  diagnostics?: SiteDiagnostics
  /** Called once per new struggle alert this process ingested (webhooks). */
  onAlert?: (alert: Alert, site: Site) => void
}

/** `POST /v1/collect`: validate, drop bots and repeats, publish struggle alerts live, then store. */
export function collectRoutes({ sites, writer, bus, stats = new IngestStats(), ipRate = DEFAULT_IP_RATE, trustProxy = false, onAlert, diagnostics = new SiteDiagnostics() }: CollectDeps) {
  const byIp = new RateLimiter(ipRate)
  const bySite = new Map<string, RateLimiter>()
  const seen = new RecentIds()

  return new Hono()
    .options('/v1/collect', (c) => {
      c.header('access-control-allow-origin', c.req.header('origin') ?? '*')
      c.header('access-control-allow-methods', 'POST')
      c.header('access-control-allow-headers', 'content-type, content-encoding')
      c.header('access-control-max-age', '86400')
      return c.body(null, 204)
    })
    .post(
      '/v1/collect',
      // The body is read (and its size held to the limit) by readBody, which keeps the
      // server's direct read: a body-limit middleware would turn every request into a web stream.
      async (c) => {
        stats.beacons++
        const origin = requestOrigin(c.req.header('origin'), c.req.header('referer'))
        if (origin) c.header('access-control-allow-origin', origin)
        c.header('vary', 'Origin')

        const wait = byIp.take(clientIp(c, trustProxy))
        if (wait > 0) {
          stats.rateLimited++
          throw new ApiError(429, 'too many beacons from this address', { retryAfter: wait })
        }

        const text = await readBody(c.req.raw)
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          throw new ApiError(400, 'body is not valid JSON')
        }
        const version = (body as { v?: unknown } | null)?.v
        if (body && typeof body === 'object' && !Array.isArray(body) && version !== WIRE_VERSION) {
          throw new ApiError(400, `unknown wire version ${JSON.stringify(version ?? null)?.slice(0, 20)}: this collector reads version ${WIRE_VERSION}`)
        }
        const envelope = checkEnvelope(body) ?? explainEnvelope(body)
        const { s, sid, pv, ev } = envelope

        const site = sites.get(s)
        if (!site) throw new ApiError(403, `unknown site "${s}"`)
        if (!origin) throw new ApiError(403, "no Origin header: beacons are accepted from browsers on the site's origins")
        if (!sites.allows(site, origin)) {
          diagnostics.refusedOrigin(site.id, origin)
          throw new ApiError(403, `origin ${origin} is not allowed for site "${s}"`)
        }

        const bot = botKind(c.req.header('user-agent'))
        if (bot === 'bot' || (bot === 'headless' && !site.allowHeadless)) {
          stats.bots++
          diagnostics.dropped(site.id, bot)
          return c.json({ accepted: 0, rejected: [], dropped: bot }, 202)
        }

        let limiter = bySite.get(site.id)
        if (!limiter) bySite.set(site.id, (limiter = new RateLimiter(site.rate ?? DEFAULT_SITE_RATE)))
        const siteWait = limiter.take(site.id)
        if (siteWait > 0) {
          stats.rateLimited++
          diagnostics.rateLimited(site.id)
          throw new ApiError(429, `too many beacons for site "${s}"`, { retryAfter: siteWait })
        }

        let valid = 0
        let rejected: Rejected[] | undefined
        const fresh: WireEvent[] = []
        for (let index = 0; index < ev.length; index++) {
          const event = checkEvent(ev[index]) ?? explainEvent(ev[index], index)
          if (typeof event === 'string') {
            ;(rejected ??= []).push({ index, reason: event })
            continue
          }
          valid++
          if (seen.add(event.id)) fresh.push(atTheDoor(event, site))
        }
        stats.invalid += rejected?.length ?? 0
        if (valid === 0) diagnostics.invalid(site.id)
        if (valid === 0) throw new ApiError(400, 'no valid event in beacon', { rejected })
        stats.duplicates += valid - fresh.length
        // Live first: an alert must not wait for storage.
        for (const e of fresh) {
          if (e.k === 'struggle') {
            const alert = { id: e.id, site: s, session: sid, pageView: pv, url: e.u, ts: e.t, score: e.sc, reasons: e.rs, state: 'open' as const }
            bus.publish({ id: e.id, kind: 'alert', site: s, session: sid, at: e.t, data: alert })
            onAlert?.(alert, site)
          }
        }
        if (!(await writer.accept(toBatches(envelope, fresh, site.clickSample ?? 1, parseUserAgent(c.req.header('user-agent')))))) {
          for (const e of fresh) seen.delete(e.id)
          stats.unavailable++
          throw new ApiError(503, 'the store and its spool are full: retry later', { retryAfter: 30 })
        }
        stats.accepted += fresh.length
        diagnostics.accepted(site.id)
        return c.json({ accepted: valid, rejected: rejected ?? [] }, 202)
      },
    )
}

type Rejected = { index: number; reason: string }

/** Why the envelope is invalid, in words (the fast check said no; the schema says why). */
function explainEnvelope(body: unknown): never {
  const parsed = envelopeSchema.safeParse(body)
  throw new ApiError(400, parsed.success ? 'invalid beacon envelope' : describeIssues(parsed.error))
}

/** Why an event is invalid, in words; the event itself in the unlikely case the schema accepts what the fast check did not. */
function explainEvent(raw: unknown, index: number): WireEvent | string {
  const parsed = eventSchema.safeParse(raw)
  return parsed.success ? parsed.data : describeIssues(parsed.error, `ev.${index}`)
}

/** The browser's Origin, or the origin of its Referer when a client leaves Origin out. */
export function requestOrigin(origin: string | undefined, referer: string | undefined): string | undefined {
  if (origin && origin !== 'null') return origin
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return undefined
  }
}

function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}
