import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import type { LiveBus } from '../live/LiveBus.ts'
import { StreamGate } from '../live/StreamGate.ts'
import { UploadLimits } from '../ingest/state/UploadLimits.ts'
import type { Sites } from '../sites/Sites.ts'
import { SnapshotWanted } from '../ingest/storeCache/SnapshotWanted.ts'
import { Solicited } from '../ingest/state/Solicited.ts'
import { pageSettingsRoutes } from './pageSettings.ts'
import type { Learning } from '../learning/Learning.ts'
import { recordingRoutes } from './recordings.ts'
import { offerRoutes } from './offers.ts'
import { trailRoutes } from './trail.ts'

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
  /** Which page views are asked for a snapshot; shared with "take a new snapshot" (a fresh one when not given). */
  wanted?: SnapshotWanted
  /** The sites' applied rules, for `/v1/site`. */
  learning?: Learning
}

/**
 * What a visitor's page uses besides beacons (`/v1/collect`) and help requests (`/v1/help`):
 * its settings (`/v1/site`), the recordings it was asked for (`/v1/snapshot`, `/v1/replay`,
 * and the trail of the minute before an alert, `/v1/trail`),
 * and the offers channel with the answer to an offer (`/v1/live`, `/v1/answer`). The settings
 * and the recordings share the one-time tokens that tie an upload to the answer that asked for it.
 */
export function visitorRoutes({
  client,
  bus,
  sites,
  heartbeatMs = 15_000,
  streams = new StreamGate(),
  trustProxy = false,
  uploads = new UploadLimits(),
  wanted = new SnapshotWanted(client),
  learning,
}: VisitorDeps) {
  const solicited = new Solicited()
  return new Hono()
    .route('/', pageSettingsRoutes({ sites, wanted, solicited, ...(learning && { learning }) }))
    .route('/', recordingRoutes({ client, sites, wanted, solicited, uploads, trustProxy }))
    .route('/', trailRoutes({ client, sites, solicited, uploads, trustProxy }))
    .route('/', offerRoutes({ client, bus, sites, heartbeatMs, streams, trustProxy }))
}
