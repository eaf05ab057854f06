import { Hono, type Context } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { checked, valid } from '../validate/valid.ts'
import { id, ID_RULE } from '../validate/id.ts'
import { ApiError } from '../ApiError.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { queryPendingOffers } from '../queries/queryPendingOffers.ts'
import { publicSettings, type Site, type Sites } from '../sites/Sites.ts'
import { requestOrigin } from './collect.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import { readBody } from '../ingest/readBody.ts'
import { SnapshotWanted } from '../ingest/SnapshotWanted.ts'
import { Solicited } from '../ingest/Solicited.ts'
import { LiveIndex } from '../live/LiveIndex.ts'
import { viewportClass } from '../ingest/viewportClass.ts'
import { neutralizeUrls } from '../ingest/neutralizeUrls.ts'
import type { SiteSettings } from '@wince/snippet/wire'

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

/** Largest snapshot body on the wire (gzip) and once inflated: a big product page's DOM, masked. */
export const SNAPSHOT_LIMITS = { maxBytes: 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 }
/** Largest replay run on the wire (gzip) and once inflated: a minute of a busy page's rrweb events. */
export const REPLAY_LIMITS = { maxBytes: 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 }

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
  ev: z.array(z.strictObject({ timestamp: z.number().finite() }).catchall(z.unknown())).min(1).max(20_000),
  rt: z.string().max(128).optional(),
})

/** `/v1/site`: the site, and the page view asking (all but `s` optional: an old snippet sends less). */
const siteQuery = z.object({ s: z.string().optional(), u: z.string().max(4096).optional(), vw: z.string().max(8).optional(), sid: z.string().max(64).optional() })
const liveQuery = z.object({ s: z.string().optional(), sid: id })

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
export function visitorRoutes({ client, bus, sites, heartbeatMs = 15_000 }: VisitorDeps) {
  const wanted = new SnapshotWanted(client)
  const solicited = new Solicited()
  const index = LiveIndex.of(bus, client)
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
        vitals: Math.random() < (site.vitalsSample ?? 1),
      }
      // The answer is per page view (snapshot, sampling): not cached.
      c.header('cache-control', 'no-store')
      return c.json(settings)
    })
    .options('/v1/snapshot', preflight)
    .post('/v1/snapshot', async (c) => {
      const body = checked(snapshotBody, await readBody(c.req.raw, SNAPSHOT_LIMITS))
      const site = visitorSite(c, sites, body.s)
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
      const body = checked(replayBody, await readBody(c.req.raw, REPLAY_LIMITS))
      const site = visitorSite(c, sites, body.s)
      if (site.recording === 'off') throw new ApiError(403, `recording is off for site "${site.id}"`)
      if (!solicited.checkReplay(body.rt, site.id, body.sid)) {
        throw new ApiError(403, 'replay refused: this session was not told to record (rt: the replay token of its /v1/site answer)')
      }
      const first = body.ev[0]!.timestamp
      await client.insert({
        table: 'replay_chunks',
        values: [{ site: site.id, session: body.sid, page_view: body.pv, seq: body.seq, ts: Math.round(first), alert: body.alert ?? '', events: JSON.stringify(neutralizeUrls(body.ev)) }],
        format: 'JSONEachRow',
      })
      return c.json({ ok: true }, 202)
    })
    .get('/v1/live', valid('query', liveQuery), (c) => {
      const { s, sid: session } = c.req.valid('query')
      const site = visitorSite(c, sites, s)
      return streamMessages(c, bus, {
        heartbeatMs,
        idleMs: VISITOR_CHANNEL_IDLE_MS,
        filter: (m) => (m.kind === 'offer' || m.kind === 'agent-joined') && m.site === site.id && m.session === session,
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
      // text/plain from the visitor's page (no preflight): read as text, checked by the same gate.
      const answer = checked(answerBody, await c.req.text())
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
