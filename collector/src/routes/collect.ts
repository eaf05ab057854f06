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
import { IngestStats } from '../ingest/state/IngestStats.ts'
import { SiteDiagnostics } from '../diagnostics/SiteDiagnostics.ts'
import type { Rate } from '../ingest/state/RateLimiter.ts'
import { MemoryLimits, type Limits } from '../broker/Limits.ts'
import { RecentIds } from '../ingest/state/RecentIds.ts'
import { readBody } from '../ingest/readBody.ts'
import { preflight } from './preflight.ts'
import { toBatches } from '../ingest/toBatches.ts'
import { alertContext, type AlertContext } from '../live/alertContext.ts'
import { HelpDesk } from '../live/HelpDesk.ts'
import { clockSkew, onCollectorClock } from '../ingest/clockSkew.ts'
import { AlertGate, type AlertAdmitter } from '../live/AlertGate.ts'
import { nestsDeeper } from '../ingest/nestsDeeper.ts'
import type { Learning } from '../learning/Learning.ts'

/** Deepest nesting a beacon may have: a struggle's reasons sit 4 levels down. */
const MAX_BEACON_NESTING = 16
/** Bodies shorter than this are parsed unchecked: 8,000 levels at most, parsed in a few ms. */
const DEEP_CHECK_CHARS = 16 * 1024

/**
 * Events per second from one IP address; a beacon costs its number of events
 * (at least 1), so one beacon of 500 struggle events costs 500. A visitor's
 * page sends a few events a second at most; an office behind one NAT, a few
 * hundred visitors, stays under this; a loop hammering the collector does not.
 */
export const DEFAULT_IP_RATE: Rate = { rate: 1_000, burst: 5_000 }

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
  /** Session trails and recent alerts for live help (default: fresh ones, unshared). */
  desk?: HelpDesk
  /** Which struggle events alert (default: one per session per episode, 30 a minute per IP). */
  alertGate?: AlertAdmitter
  /** Rate limit buckets (default: this process's; shared in Redis for several collectors). */
  limits?: Limits
  /** The sites' applied rules: suppressed signals are flagged, and a struggle they made does not alert. */
  learning?: Learning
}

/** `POST /v1/collect`: validate, drop bots and repeats, publish struggle alerts live, then store. */
export function collectRoutes({
  sites,
  writer,
  bus,
  stats = new IngestStats(),
  ipRate = DEFAULT_IP_RATE,
  trustProxy = false,
  onAlert,
  desk = new HelpDesk(),
  alertGate = new AlertGate(),
  diagnostics = new SiteDiagnostics(),
  limits = new MemoryLimits(),
  learning,
}: CollectDeps) {
  const seen = new RecentIds()

  return new Hono().options('/v1/collect', preflight).post(
    '/v1/collect',
    // The body is read (and its size held to the limit) by readBody, which keeps the
    // server's direct read: a body-limit middleware would turn every request into a web stream.
    async (c) => {
      stats.beacons++
      const origin = requestOrigin(c.req.header('origin'), c.req.header('referer'))
      if (origin) c.header('access-control-allow-origin', origin)
      c.header('vary', 'Origin')

      // A first token before reading the body (cheap refusal of a flood); the rest per event below.
      const ip = clientIp(c, trustProxy)
      const wait = await limits.take('ip', ipRate, ip)
      if (wait > 0) {
        stats.rateLimited++
        throw new ApiError(429, 'too many beacons from this address', { retryAfter: wait })
      }

      const text = await readBody(c.req.raw)
      // A beacon nests 4 deep; short bodies cannot nest deep enough to slow the parser.
      if (text.length > DEEP_CHECK_CHARS && nestsDeeper(text, MAX_BEACON_NESTING))
        throw new ApiError(400, `body nested deeper than ${MAX_BEACON_NESTING} levels`)
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        throw new ApiError(400, 'body is not valid JSON')
      }
      // Any parsed JSON: reading `v` of a non-object gives undefined, which is what we test.
      const version = (body as { v?: unknown } | null)?.v
      if (body && typeof body === 'object' && !Array.isArray(body) && version !== WIRE_VERSION) {
        throw new ApiError(
          400,
          `unknown wire version ${JSON.stringify(version ?? null)?.slice(0, 20)}: this collector reads version ${WIRE_VERSION}`,
        )
      }
      const envelope = checkEnvelope(body) ?? explainEnvelope(body)
      const { s, sid, pv, ev } = envelope
      const ipWait = ev.length > 1 ? await limits.take('ip', ipRate, ip, ev.length - 1) : 0
      if (ipWait > 0) {
        stats.rateLimited++
        throw new ApiError(429, `too many events from this address (this beacon has ${ev.length})`, {
          retryAfter: ipWait,
        })
      }

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

      const siteWait = await limits.take('site', site.rate ?? DEFAULT_SITE_RATE, site.id, ev.length)
      if (siteWait > 0) {
        stats.rateLimited++
        diagnostics.rateLimited(site.id)
        throw new ApiError(429, `too many events for site "${s}"`, { retryAfter: siteWait })
      }
      const skew = clockSkew(envelope.t)

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
        if (seen.add(event.id)) fresh.push(onCollectorClock(atTheDoor(event, site), skew))
      }
      stats.invalid += rejected?.length ?? 0
      if (valid === 0) diagnostics.invalid(site.id)
      if (valid === 0) throw new ApiError(400, 'no valid event in beacon', { rejected })
      stats.duplicates += valid - fresh.length
      // Live first: an alert must not wait for storage.
      // Once per beacon: page views store it for segments, alerts carry it.
      const agent = parseUserAgent(c.req.header('user-agent'))
      let contexts: Map<string, AlertContext> | undefined
      let held: Set<string> | undefined
      let suppressed: Map<string, string> | undefined
      let explains: Map<string, string> | undefined
      for (const e of fresh) {
        if (e.k === 'page') desk.trails.page(s, sid, pv, e.u, e.t, e.ref)
        else if (e.k === 'signal') {
          // Still stored and shown, flagged: nothing is hidden from the team.
          const rule = learning?.suppressing(s, e.u, e.sel, e.type)
          if (rule) (suppressed ??= new Map()).set(e.id, rule)
        } else if (e.k === 'struggle') {
          const context = alertContext(s, e, agent, c.req.header('accept-language'), desk.trails.get(s, sid))
          ;(contexts ??= new Map()).set(e.id, context)
          const explain = learning?.explain(s, e.u, e.rs)
          if (explain) (explains ??= new Map()).set(e.id, JSON.stringify(explain))
          if (explain?.rules.length) (suppressed ??= new Map()).set(e.id, explain.rules.join(','))
          // A snippet that did not know the rule (an old one, a cached page) scored suppressed
          // signals: what is left decides, so no page can alert on them.
          if (explain?.rules.length && explain.kept < explain.threshold) {
            ;(held ??= new Set()).add(e.id)
            stats.alertsSuppressed++
            continue
          }
          if (!(await alertGate.admit(`${s}/${sid}`, ip))) {
            ;(held ??= new Set()).add(e.id)
            stats.alertsHeld++
            continue
          }
          const alert: Alert = {
            id: e.id,
            site: s,
            session: sid,
            pageView: pv,
            url: e.u,
            ts: e.t,
            score: e.sc,
            reasons: e.rs,
            state: 'open',
            ...context,
            ...(explain && { explain }),
          }
          desk.alerts.add(alert)
          bus.publish({ id: e.id, kind: 'alert', site: s, session: sid, at: e.t, data: alert })
          onAlert?.(alert, site)
        }
      }
      const kept = await writer.accept(
        toBatches(envelope, fresh, site.clickSample ?? 1, {
          skew,
          agent,
          ...(held && { held }),
          ...(contexts && { contexts }),
          ...(suppressed && { suppressed }),
          ...(explains && { explains }),
        }),
      )
      if (kept !== 'ok') {
        for (const e of fresh) seen.delete(e.id)
        stats.unavailable++
        throw kept === 'full'
          ? new ApiError(503, 'the store and its spool are full: retry later', { retryAfter: 30 })
          : new ApiError(503, 'the events could not be written to disk: retry later', { retryAfter: 5 })
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

/** The client's address (from `X-Forwarded-For` behind a trusted proxy), for rate limits only: never stored. */
export function clientIp(c: Context, trustProxy: boolean): string {
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
