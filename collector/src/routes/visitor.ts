import { Hono, type Context } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { checked, valid } from '../validate/valid.ts'
import { id, ID_RULE } from '../validate/id.ts'
import { ApiError } from '../ApiError.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { PendingOffers } from '../live/PendingOffers.ts'
import { StreamGate } from '../live/StreamGate.ts'
import { UploadLimits } from '../ingest/UploadLimits.ts'
import { nestsDeeper } from '../ingest/nestsDeeper.ts'
import { DEFAULT_VITALS_SAMPLE, publicSettings, type Site, type Sites } from '../sites/Sites.ts'
import { clientIp, requestOrigin } from './collect.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import { readBody } from '../ingest/readBody.ts'
import { SnapshotWanted } from '../ingest/SnapshotWanted.ts'
import { Solicited } from '../ingest/Solicited.ts'
import { LiveIndex } from '../live/LiveIndex.ts'
import { viewportClass } from '../ingest/viewportClass.ts'
import { neutralizeUrls } from '../ingest/neutralizeUrls.ts'
import type { SiteSettings } from '@wince/snippet/wire'
import { trailRoutes } from './trail.ts'

/**
 * How long a visitor's return channel stays open without an offer, ms. The
 * snippet opens it only while its session struggles; an agent answers within
 * minutes or not at all.
 */
export const VISITOR_CHANNEL_IDLE_MS = 5 * 60 * 1000


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
  s: id,
  u: z.string().max(2048).regex(/^https?:\/\//, 'an http(s) URL'),
  vw: z.number().int().min(1).max(20_000),
  vh: z.number().int().min(0).max(20_000),
  dw: z.number().min(0).max(1_000_000),
  dh: z.number().min(0).max(1_000_000),
  snap: z.record(z.string(), z.unknown()),
  tk: z.string().max(64).optional(),
})

const replayBody = z.strictObject({
  v: z.literal(1),
  s: id,
  sid: id,
  pv: id,
  seq: z.number().int().min(0).max(100_000),
  alert: id.optional(),
  // Times as in beacons: epoch ms between 2020 and 2100.
  ev: z.array(z.strictObject({ timestamp: z.number().int().min(1_577_836_800_000).max(4_102_444_800_000) }).catchall(z.unknown())).min(1).max(20_000),
  rt: z.string().max(128).optional(),
})

/** `/v1/site`: the site, and the page view asking (all but `s` optional: an old snippet sends less). */
const siteQuery = z.object({ s: z.string().optional(), u: z.string().max(4096).optional(), vw: z.string().max(8).optional(), sid: z.string().max(64).optional() })
const liveQuery = z.object({ s: z.string().optional(), sid: id })

/** An answer is a few ids: a larger body is not an answer. */
const ANSWER_LIMITS = { maxBytes: 4 * 1024, maxInflatedBytes: 4 * 1024 }

const answerBody = z.strictObject({
  s: id,
  sid: id,
  offerId: id,
  answer: z.enum(['accepted', 'dismissed']),
})

/** The site and origin of a visitor's request, checked like a beacon's (403 otherwise); sets CORS. */
export function visitorSite(c: Context, sites: Sites, siteId: string | undefined): Site {
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
  const solicited = new Solicited()
  const index = LiveIndex.of(bus, client)
  const pending = new PendingOffers(bus)
  const preflight = (c: Context) => {
    c.header('access-control-allow-origin', c.req.header('origin') ?? '*')
    c.header('access-control-allow-methods', 'GET, POST')
    c.header('access-control-allow-headers', 'content-type, content-encoding')
    c.header('access-control-max-age', '86400')
    return c.body(null, 204)
  }
  return new Hono()
    .get('/v1/site', valid('query', siteQuery), async (c) => {
      const q = c.req.valid('query')
      const site = visitorSite(c, sites, q.s)
      const url = bareUrl(q.u ?? '')
      const vw = Number(q.vw)
      const page = /^https?:\/\//.test(url) && Number.isFinite(vw) && vw > 0
      const sid = q.sid ?? ''
      const vc = viewportClass(vw)
      const settings: SiteSettings = {
        ...publicSettings(site),
        snapshot: page && (await wanted.ask(site.id, url, vc)) ? solicited.snapshotToken(site.id, url, vc) : false,
        ...(site.recording !== 'off' && ID_RULE.test(sid) && { replay: solicited.replayToken(site.id, sid) }),
        vitals: Math.random() < (site.vitalsSample ?? DEFAULT_VITALS_SAMPLE),
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
      const body = checked(snapshotBody, text)
      const site = visitorSite(c, sites, body.s)
      uploads.charge(site.id, text.length, 'snapshot')
      const url = bareUrl(body.u)
      const vc = viewportClass(body.vw)
      if (!solicited.redeemSnapshot(body.tk, site.id, url, vc)) {
        throw new ApiError(403, 'unsolicited snapshot: send one only with the one-time token of a /v1/site answer for this page and viewport')
      }
      await client.insert({
        table: 'snapshots',
        values: [{ site: site.id, url, vc, ts: Date.now(), vw: body.vw, vh: body.vh, dw: Math.round(body.dw), dh: Math.round(body.dh), snap: JSON.stringify(neutralizeUrls(body.snap)) }],
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
      const body = checked(replayBody, text)
      const site = visitorSite(c, sites, body.s)
      if (site.recording === 'off') throw new ApiError(403, `recording is off for site "${site.id}"`)
      if (!solicited.checkReplay(body.rt, site.id, body.sid)) {
        throw new ApiError(403, 'replay refused: this session was not told to record (rt: the replay token of its /v1/site answer)')
      }
      uploads.charge(site.id, text.length, 'replay')
      const first = body.ev[0]!.timestamp
      await client.insert({
        table: 'replay_chunks',
        values: [{ site: site.id, session: body.sid, page_view: body.pv, seq: body.seq, ts: Math.round(first), alert: body.alert ?? '', events: JSON.stringify(neutralizeUrls(body.ev)) }],
        format: 'JSONEachRow',
      })
      return c.json({ ok: true }, 202)
    })
    .options('/v1/trail', preflight)
    .route('/', trailRoutes({ client, sites, uploads, solicited, visitorSite, trustProxy }))
    .get('/v1/live', valid('query', liveQuery), (c) => {
      const { s, sid: session } = c.req.valid('query')
      const site = visitorSite(c, sites, s)
      const slot = streams.open(clientIp(c, trustProxy))
      if (typeof slot === 'string') throw new ApiError(429, slot, { retryAfter: LIVE_RETRY_AFTER_S })
      return streamMessages(c, bus, {
        heartbeatMs,
        idleMs: VISITOR_CHANNEL_IDLE_MS,
        filter: (m) => (m.kind === 'offer' || m.kind === 'agent-joined') && m.site === site.id && m.session === session,
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
      // text/plain from the visitor's page (no preflight): read as bounded text, checked by the same gate.
      const answer = checked(answerBody, await readBody(c.req.raw, ANSWER_LIMITS))
      const site = visitorSite(c, sites, answer.s)
      // An answer names an offer made to this session: agents see answers, so none may be made up.
      if (!(await index.hasOffer(site.id, answer.sid, answer.offerId))) {
        throw new ApiError(404, `no offer "${answer.offerId}" to this session`)
      }
      const at = Date.now()
      bus.publish({
        id: `ans-${answer.offerId}`,
        kind: 'offer-answer',
        site: site.id,
        session: answer.sid,
        at,
        data: { offerId: answer.offerId, answer: answer.answer, at },
      })
      return c.json({ ok: true }, 202)
    })
}
