import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { pageFields } from './recordings.ts'
import { id } from '../validate/id.ts'
import { ApiError } from '../ApiError.ts'
import type { Sites } from '../sites/Sites.ts'
import type { UploadLimits } from '../ingest/state/UploadLimits.ts'
import type { Solicited } from '../ingest/state/Solicited.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import { preflight } from './preflight.ts'
import { readUpload } from './readUpload.ts'
import { insertReplayChunk } from '../queries/insertReplayChunk.ts'
import { TRAIL_SEQ_BASE } from '../replay/trailRun.ts'

/**
 * Largest trail on the wire (gzip) and once inflated. A minute at the snippet's rates
 * (20 cursor samples a second, clicks, scrolls) is about 2,000 steps of ~40 bytes.
 */
export const TRAIL_LIMITS = { maxBytes: 256 * 1024, maxInflatedBytes: 1024 * 1024 }
/** Steps a trail may hold: the snippet keeps 4,000 at most. */
export const TRAIL_MAX_STEPS = 4000
/** Trails a page view may send (one per struggle episode): far more is not a visitor. */
export const TRAIL_MAX_SEQ = 1000
/** Longest selector in a step: the snippet's are a few levels deep, well under this. */
const SELECTOR_MAX = 512

// Times as in beacons: epoch ms between 2020 and 2100.
const epochMs = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000)
const coord = z.number().int().min(-1_000_000).max(1_000_000)
const step = z.union([
  z.tuple([epochMs, z.enum(['m', 'c', 's', 'f', 'i', 'r']), coord, coord]),
  z.tuple([epochMs, z.enum(['m', 'c', 's', 'f', 'i', 'r']), coord, coord, z.string().max(SELECTOR_MAX)]),
])

const trailBody = z.strictObject({
  v: z.literal(1),
  s: id,
  sid: id,
  pv: id,
  seq: z.number().int().min(0).max(TRAIL_MAX_SEQ),
  alert: id,
  ...pageFields,
  ev: z.array(step).min(1).max(TRAIL_MAX_STEPS),
  rt: z.string().max(128).optional(),
})

/** A validated trail: what the store keeps (without the token). */
export type TrailUpload = Omit<z.infer<typeof trailBody>, 'rt' | 'v'>

export interface TrailDeps {
  client: ClickHouseClient
  sites: Sites
  uploads: UploadLimits
  /** The replay tokens of `/v1/site` answers: a trail is a replay, told to record like one. */
  solicited: Solicited
  trustProxy: boolean
}

/**
 * `POST /v1/trail`: the minute before a struggle alert as the snippet's rolling trail
 * (cursor, clicks, scrolls, focus and input without values, viewport), sent instead of a
 * recording. Stored beside the replay runs (`replay_chunks`, seq from {@link TRAIL_SEQ_BASE}),
 * played over the page's stored snapshot.
 */
export function trailRoutes(deps: TrailDeps) {
  const { client, uploads, solicited } = deps
  return new Hono().options('/v1/trail', preflight).post('/v1/trail', async (c) => {
    const { text, body, site } = await readUpload(c, deps, 'trail', TRAIL_LIMITS, trailBody)
    if (site.recording === 'off') throw new ApiError(403, `recording is off for site "${site.id}"`)
    if (!solicited.checkReplay(body.rt, site.id, body.sid)) {
      throw new ApiError(
        403,
        'trail refused: this session was not told to record (rt: the replay token of its /v1/site answer)',
      )
    }
    const ev = [...body.ev].sort((a, b) => a[0] - b[0])
    await uploads.charge(site.id, text.length, 'trail')
    const stored: TrailUpload = {
      s: site.id,
      sid: body.sid,
      pv: body.pv,
      seq: body.seq,
      alert: body.alert,
      u: bareUrl(body.u),
      vw: body.vw,
      vh: body.vh,
      dw: Math.round(body.dw),
      dh: Math.round(body.dh),
      ev,
    }
    await insertReplayChunk(client, {
      site: site.id,
      session: body.sid,
      page_view: body.pv,
      seq: TRAIL_SEQ_BASE + body.seq,
      // The schema holds at least one step.
      ts: ev[0]![0],
      alert: body.alert,
      events: JSON.stringify(stored),
    })
    return c.json({ ok: true }, 202)
  })
}
