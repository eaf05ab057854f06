import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { checked, valid } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { ApiError } from '../ApiError.ts'
import type { LiveBus } from '../live/LiveBus.ts'
import { streamMessages } from '../live/streamMessages.ts'
import { PendingOffers } from '../live/PendingOffers.ts'
import type { StreamGate } from '../live/StreamGate.ts'
import { LiveIndex } from '../live/LiveIndex.ts'
import type { Sites } from '../sites/Sites.ts'
import { readBody } from '../ingest/readBody.ts'
import { clientIp } from './collect.ts'
import { preflight } from './preflight.ts'
import { visitorSite } from './visitorSite.ts'

/**
 * How long a visitor's return channel stays open without an offer, ms. The
 * snippet opens it only while its session struggles; an agent answers within
 * minutes or not at all.
 */
export const VISITOR_CHANNEL_IDLE_MS = 5 * 60 * 1000

/** Seconds a refused channel is told to wait (the snippet's EventSource gives up on a refusal; other clients read `Retry-After`). */
const LIVE_RETRY_AFTER_S = 30

export interface OfferDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  /** Heartbeat on streams, ms. */
  heartbeatMs: number
  /** Caps on open visitor channels. */
  streams: StreamGate
  trustProxy: boolean
}

const liveQuery = z.object({ s: z.string().optional(), sid: id })

/** An answer is a few ids: a larger body is not an answer. */
const ANSWER_LIMITS = { maxBytes: 4 * 1024, maxInflatedBytes: 4 * 1024 }

const answerBody = z.strictObject({
  s: id,
  sid: id,
  offerId: id,
  answer: z.enum(['accepted', 'dismissed']),
})

/** `GET /v1/live` and `POST /v1/answer`: a struggling visitor's channel for agents' offers, and the answer to one. */
export function offerRoutes({ client, bus, sites, heartbeatMs, streams, trustProxy }: OfferDeps) {
  const index = LiveIndex.of(bus, client)
  const pending = new PendingOffers(bus)
  return new Hono()
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
    .options('/v1/answer', preflight)
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
