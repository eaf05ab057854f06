import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { id } from '../validate/id.ts'
import { ApiError } from '../ApiError.ts'
import type { UploadLimits } from '../ingest/state/UploadLimits.ts'
import type { Sites } from '../sites/Sites.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import type { SnapshotWanted } from '../ingest/storeCache/SnapshotWanted.ts'
import type { Solicited } from '../ingest/state/Solicited.ts'
import { viewportClass } from '../ingest/viewportClass.ts'
import { neutralizeUrls } from '../ingest/neutralizeUrls.ts'
import { insertSnapshot } from '../queries/insertSnapshot.ts'
import { insertReplayChunk } from '../queries/insertReplayChunk.ts'
import { preflight } from './preflight.ts'
import { readUpload } from './readUpload.ts'

export interface RecordingDeps {
  client: ClickHouseClient
  sites: Sites
  wanted: SnapshotWanted
  solicited: Solicited
  uploads: UploadLimits
  trustProxy: boolean
}

/** Largest snapshot body on the wire (gzip) and once inflated: a big product page's DOM, masked. */
export const SNAPSHOT_LIMITS = { maxBytes: 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 }
/** Largest replay run on the wire (gzip) and once inflated: a minute of a busy page's rrweb events. */
export const REPLAY_LIMITS = { maxBytes: 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 }

/** The page a recording was made on and its size: shared by snapshots, replay runs and trails. */
export const pageFields = {
  u: z
    .string()
    .max(2048)
    .regex(/^https?:\/\//, 'an http(s) URL'),
  vw: z.number().int().min(1).max(20_000),
  vh: z.number().int().min(0).max(20_000),
  dw: z.number().min(0).max(1_000_000),
  dh: z.number().min(0).max(1_000_000),
}

const snapshotBody = z.strictObject({
  v: z.literal(1),
  s: id,
  ...pageFields,
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
  ev: z
    .array(
      z
        .strictObject({ timestamp: z.number().int().min(1_577_836_800_000).max(4_102_444_800_000) })
        .catchall(z.unknown()),
    )
    .min(1)
    .max(20_000),
  rt: z.string().max(128).optional(),
})

/**
 * `POST /v1/snapshot` and `POST /v1/replay`: what a visitor's page records, each only when
 * asked (the one-time tokens of a `/v1/site` answer), within the site's upload limits.
 */
export function recordingRoutes(deps: RecordingDeps) {
  const { client, wanted, solicited, uploads } = deps
  return new Hono()
    .options('/v1/snapshot', preflight)
    .post('/v1/snapshot', async (c) => {
      const { text, body, site } = await readUpload(c, deps, 'snapshot', SNAPSHOT_LIMITS, snapshotBody)
      await uploads.charge(site.id, text.length, 'snapshot')
      const url = bareUrl(body.u)
      const vc = viewportClass(body.vw)
      if (!solicited.redeemSnapshot(body.tk, site.id, url, vc)) {
        throw new ApiError(
          403,
          'unsolicited snapshot: send one only with the one-time token of a /v1/site answer for this page and viewport',
        )
      }
      await insertSnapshot(client, {
        site: site.id,
        url,
        vc,
        ts: Date.now(),
        vw: body.vw,
        vh: body.vh,
        dw: Math.round(body.dw),
        dh: Math.round(body.dh),
        snap: JSON.stringify(neutralizeUrls(body.snap)),
      })
      wanted.got(site.id, url, vc)
      return c.json({ ok: true }, 202)
    })
    .options('/v1/replay', preflight)
    .post('/v1/replay', async (c) => {
      const { text, body, site } = await readUpload(c, deps, 'replay', REPLAY_LIMITS, replayBody)
      if (site.recording === 'off') throw new ApiError(403, `recording is off for site "${site.id}"`)
      if (!solicited.checkReplay(body.rt, site.id, body.sid)) {
        throw new ApiError(
          403,
          'replay refused: this session was not told to record (rt: the replay token of its /v1/site answer)',
        )
      }
      await uploads.charge(site.id, text.length, 'replay')
      // The schema holds at least one event.
      const first = body.ev[0]!.timestamp
      await insertReplayChunk(client, {
        site: site.id,
        session: body.sid,
        page_view: body.pv,
        seq: body.seq,
        ts: Math.round(first),
        alert: body.alert ?? '',
        events: JSON.stringify(neutralizeUrls(body.ev)),
      })
      return c.json({ ok: true }, 202)
    })
}
