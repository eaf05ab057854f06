import { Hono, type Context } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { PendingOffers } from '../live/PendingOffers.ts'
import { StreamGate } from '../live/StreamGate.ts'
import { UploadLimits } from '../ingest/UploadLimits.ts'
import { nestsDeeper } from '../ingest/nestsDeeper.ts'
import { publicSettings, type Site, type Sites } from '../sites/Sites.ts'
import { clientIp, requestOrigin } from './collect.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import { readBody } from '../ingest/readBody.ts'
import { SnapshotWanted } from '../ingest/SnapshotWanted.ts'
import { viewportClass } from '../ingest/viewportClass.ts'
import type { SiteSettings } from '@wince/snippet/wire'

/**
 * How long a visitor's return channel stays open without an offer, ms. The
 * snippet opens it only while its session struggles; an agent answers within
 * minutes or not at all.
 */
export const VISITOR_CHANNEL_IDLE_MS = 5 * 60 * 1000

const id = /^[\w-]{1,64}$/

/** Seconds a refused channel is told to wait (the snippet's EventSource gives up on a refusal; other clients read `Retry-After`). */
const LIVE_RETRY_AFTER_S = 30

export interface VisitorDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  /** Heartbeat on streams, ms. */
  heartbeatMs?: number
  /** Caps on open visitor channels (default {@link StreamGate}'s). */
  streams?: StreamGate
  /** Take the client IP from `X-Forwarded-For`. Default false. */
  trustProxy?: boolean
  /** Rates and daily storage quota of snapshots and replay runs (default {@link UploadLimits}'s). */
  uploads?: UploadLimits
}

/** Largest snapshot body on the wire (gzip) and once inflated: a big product page's DOM, masked. */
export const SNAPSHOT_LIMITS = { maxBytes: 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 }
/** Largest replay run on the wire (gzip) and once inflated: a minute of a busy page's rrweb events. */
export const REPLAY_LIMITS = { maxBytes: 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 }

/**
 * Deepest nesting of a snapshot or replay run: a page's DOM is rarely 100
 * elements deep and rrweb doubles that; far deeper is an attack on the
 * recursion of whoever reads it next (storing, replaying).
 */
const MAX_NESTING = 1_000

const snapshotBody = z.strictObject({
  v: z.literal(1),
  s: z.string().regex(id),
  u: z.string().max(2048).regex(/^https?:\/\//, 'an http(s) URL'),
  vw: z.number().int().min(1).max(20_000),
  vh: z.number().int().min(0).max(20_000),
  dw: z.number().min(0).max(1_000_000),
  dh: z.number().min(0).max(1_000_000),
  snap: z.record(z.string(), z.unknown()),
})

const replayBody = z.strictObject({
  v: z.literal(1),
  s: z.string().regex(id),
  sid: z.string().regex(id),
  pv: z.string().regex(id),
  seq: z.number().int().min(0).max(100_000),
  alert: z.string().regex(id).optional(),
  // Times as in beacons: epoch ms between 2020 and 2100.
  ev: z.array(z.strictObject({ timestamp: z.number().int().min(1_577_836_800_000).max(4_102_444_800_000) }).catchall(z.unknown())).min(1).max(20_000),
})

function parseJson<T>(schema: z.ZodType<T>, text: string): T {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'body is not valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ApiError(400, `${issue.path.join('.') || '(body)'}: ${issue.message}`)
  }
  return parsed.data
}

/** An answer is a few ids: a larger body is not an answer. */
const ANSWER_LIMITS = { maxBytes: 4 * 1024, maxInflatedBytes: 4 * 1024 }

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
export function visitorRoutes({ client, bus, sites, heartbeatMs = 15_000, streams = new StreamGate(), trustProxy = false, uploads = new UploadLimits() }: VisitorDeps) {
  const wanted = new SnapshotWanted(client)
  const pending = new PendingOffers(bus)
  const preflight = (c: Context) => {
    c.header('access-control-allow-origin', c.req.header('origin') ?? '*')
    c.header('access-control-allow-methods', 'GET, POST')
    c.header('access-control-allow-headers', 'content-type, content-encoding')
    c.header('access-control-max-age', '86400')
    return c.body(null, 204)
  }
  return new Hono()
    .get('/v1/site', async (c) => {
      const site = visitorSite(c, sites, c.req.query('s'))
      const url = bareUrl(c.req.query('u') ?? '')
      const vw = Number(c.req.query('vw'))
      const page = /^https?:\/\//.test(url) && Number.isFinite(vw) && vw > 0
      const settings: SiteSettings = {
        ...publicSettings(site),
        snapshot: page ? await wanted.ask(site.id, url, viewportClass(vw)) : false,
        vitals: Math.random() < (site.vitalsSample ?? 1),
      }
      // The answer is per page view (snapshot, sampling): not cached.
      c.header('cache-control', 'no-store')
      return c.json(settings)
    })
    .options('/v1/snapshot', preflight)
    .post('/v1/snapshot', async (c) => {
      uploads.checkIp(clientIp(c, trustProxy), 'snapshot')
      const text = await readBody(c.req.raw, SNAPSHOT_LIMITS)
      if (nestsDeeper(text, MAX_NESTING)) throw new ApiError(400, `body nested deeper than ${MAX_NESTING} levels`)
      const body = parseJson(snapshotBody, text)
      const site = visitorSite(c, sites, body.s)
      uploads.charge(site.id, text.length, 'snapshot')
      const url = bareUrl(body.u)
      const vc = viewportClass(body.vw)
      await client.insert({
        table: 'snapshots',
        values: [{ site: site.id, url, vc, ts: Date.now(), vw: body.vw, vh: body.vh, dw: Math.round(body.dw), dh: Math.round(body.dh), snap: JSON.stringify(body.snap) }],
        format: 'JSONEachRow',
      })
      wanted.got(site.id, url, vc)
      return c.json({ ok: true }, 202)
    })
    .options('/v1/replay', preflight)
    .post('/v1/replay', async (c) => {
      uploads.checkIp(clientIp(c, trustProxy), 'replay')
      const text = await readBody(c.req.raw, REPLAY_LIMITS)
      if (nestsDeeper(text, MAX_NESTING)) throw new ApiError(400, `body nested deeper than ${MAX_NESTING} levels`)
      const body = parseJson(replayBody, text)
      const site = visitorSite(c, sites, body.s)
      if (site.recording === 'off') throw new ApiError(403, `recording is off for site "${site.id}"`)
      uploads.charge(site.id, text.length, 'replay')
      const first = body.ev[0]!.timestamp
      await client.insert({
        table: 'replay_chunks',
        values: [{ site: site.id, session: body.sid, page_view: body.pv, seq: body.seq, ts: Math.round(first), alert: body.alert ?? '', events: JSON.stringify(body.ev) }],
        format: 'JSONEachRow',
      })
      return c.json({ ok: true }, 202)
    })
    .get('/v1/live', (c) => {
      const session = c.req.query('sid') ?? ''
      if (!id.test(session)) throw new ApiError(400, 'sid: letters, digits, _ or - only')
      const site = visitorSite(c, sites, c.req.query('s'))
      const slot = streams.open(clientIp(c, trustProxy))
      if (typeof slot === 'string') throw new ApiError(429, slot, { retryAfter: LIVE_RETRY_AFTER_S })
      return streamMessages(c, bus, {
        heartbeatMs,
        idleMs: VISITOR_CHANNEL_IDLE_MS,
        filter: (m) => m.kind === 'offer' && m.site === site.id && m.session === session,
        backlog: async () => pending.of(site.id, session),
        signal: slot.signal,
        onClose: slot.release,
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
      const text = await readBody(c.req.raw, ANSWER_LIMITS)
      try {
        body = JSON.parse(text)
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
