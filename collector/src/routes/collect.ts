import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { PageEvent, SignalEvent, StruggleEvent, WireEvent } from '@wince/snippet/wire'
import { WIRE_VERSION } from '@wince/snippet/wire'
import { ApiError } from '../ApiError.ts'
import { describeIssues, envelopeSchema, eventSchema } from '../schema/beacon.ts'
import type { Sites } from '../sites/Sites.ts'
import type { Writer } from '../store/Writer.ts'
import type { LiveBus } from '../live/LiveBus.ts'

/** Largest beacon body accepted. The snippet keeps each body ≤ 60 KB; a little slack for encoding. */
export const MAX_BEACON_BYTES = 64 * 1024

export interface CollectDeps {
  sites: Sites
  writer: Writer
  bus: LiveBus
}

interface Envelope {
  s: string
  sid: string
  pv: string
}

/** `POST /v1/collect`: validate, publish struggle alerts live, queue rows for the store. */
export function collectRoutes({ sites, writer, bus }: CollectDeps) {
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
      bodyLimit({
        maxSize: MAX_BEACON_BYTES,
        onError: () => {
          throw new ApiError(413, `beacon larger than ${MAX_BEACON_BYTES} bytes`)
        },
      }),
      async (c) => {
        const origin = requestOrigin(c.req.header('origin'), c.req.header('referer'))
        if (origin) c.header('access-control-allow-origin', origin)
        c.header('vary', 'Origin')

        const text = await c.req.text()
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          throw new ApiError(400, 'body is not valid JSON')
        }
        const version = (body as { v?: unknown } | null)?.v
        if (body && typeof body === 'object' && version !== WIRE_VERSION) {
          throw new ApiError(400, `unknown wire version ${JSON.stringify(version ?? null)}: this collector reads version ${WIRE_VERSION}`)
        }
        const envelope = envelopeSchema.safeParse(body)
        if (!envelope.success) throw new ApiError(400, describeIssues(envelope.error))
        const { s, ev } = envelope.data

        const site = sites.get(s)
        if (!site) throw new ApiError(403, `unknown site "${s}"`)
        if (!origin) throw new ApiError(403, 'no Origin header: beacons are accepted from browsers on the site\'s origins')
        if (!sites.allows(site, origin)) throw new ApiError(403, `origin ${origin} is not allowed for site "${s}"`)

        const valid: WireEvent[] = []
        const rejected: Array<{ index: number; reason: string }> = []
        ev.forEach((raw, index) => {
          const parsed = eventSchema.safeParse(raw)
          if (parsed.success) valid.push(parsed.data)
          else rejected.push({ index, reason: describeIssues(parsed.error, `ev.${index}`) })
        })
        if (valid.length === 0) throw new ApiError(400, 'no valid event in beacon', { rejected })

        ingest(envelope.data, valid, { writer, bus })
        return c.json({ accepted: valid.length, rejected }, 202)
      },
    )
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

/** Turns valid events into rows; struggle alerts go on the live bus before the store. */
function ingest(env: Envelope, events: WireEvent[], { writer, bus }: { writer: Writer; bus: LiveBus }): void {
  const signals: Record<string, unknown>[] = []
  const views: Record<string, unknown>[] = []
  const alerts: Record<string, unknown>[] = []
  const common = (e: WireEvent) => ({ site: env.s, ts: e.t, id: e.id, session: env.sid, page_view: env.pv, url: e.u })
  for (const e of events) {
    if (e.k === 'signal') signals.push(signalRow(e, common(e)))
    else if (e.k === 'page') views.push(pageRow(e, common(e)))
    else {
      bus.publish({ id: e.id, site: env.s, session: env.sid, pageView: env.pv, url: e.u, ts: e.t, score: e.sc, reasons: e.rs })
      alerts.push(alertRow(e, common(e)))
    }
  }
  writer.push('signals', signals)
  writer.push('page_views', views)
  writer.push('alerts', alerts)
}

function signalRow(e: SignalEvent, common: Record<string, unknown>) {
  return { ...common, type: e.type, selector: e.sel, label: e.lb, x: Math.round(e.x), y: Math.round(e.y), n: e.n, ms: e.ms, why: e.why }
}

function pageRow(e: PageEvent, common: Record<string, unknown>) {
  return { ...common, ref: e.ref ?? '', vw: e.vw, vh: e.vh }
}

function alertRow(e: StruggleEvent, common: Record<string, unknown>) {
  return { ...common, score: e.sc, reasons: JSON.stringify(e.rs) }
}
