import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { readConfig } from '../config.ts'
import { MemoryBus } from '../live/LiveBus.ts'
import { WebhookSender } from '../webhooks/WebhookSender.ts'
import { Sites } from '../sites/Sites.ts'
import { createStore, type Store } from '../store/createStore.ts'
import { migrate } from '../store/migrate.ts'
import { Writer } from '../store/Writer.ts'
import { Spool } from '../store/Spool.ts'
import { Tokens } from '../auth/Tokens.ts'
import { IngestStats } from '../ingest/state/IngestStats.ts'
import type { Rate } from '../ingest/state/RateLimiter.ts'
import type { StreamGate } from '../live/StreamGate.ts'
import { queryStoredIds } from '../queries/queryStoredIds.ts'

export const TEST_TOKEN = 'test-admin-token'

/** The real app over a real chDB store in a fresh temp dir (one per test file: one chDB per process). */
export async function createTestApp(
  options: {
    ipRate?: Rate
    trustProxy?: boolean
    spool?: boolean
    webhookRetryMs?: number[]
    webhookWindowMs?: number
    alertsPerIp?: number
    streams?: StreamGate
  } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wince-test-'))
  const store: Store = createStore({ dataDir })
  await migrate(store.client)
  const spool = (options.spool ?? true) ? new Spool({ dir: join(dataDir, 'spool') }) : undefined
  const writer = new Writer(store.insertJson, {
    intervalMs: 20,
    retryMs: 50,
    ...(spool && { spool, storedRows: (table, rows) => queryStoredIds(store.client, table, rows) }),
  })
  const bus = new MemoryBus()
  // No webhook window unless a test asks: most tests look at one delivery and its retries.
  const webhooks = new WebhookSender({
    retryMs: options.webhookRetryMs ?? [50, 100],
    timeoutMs: 2000,
    windowMs: options.webhookWindowMs ?? 0,
  })
  const sites = Sites.fromFile(join(dataDir, 'sites.json'))
  const tokens = new Tokens(TEST_TOKEN, dataDir)
  const stats = new IngestStats()
  const app = createApp({
    client: store.client,
    writer,
    bus,
    sites,
    tokens,
    token: TEST_TOKEN,
    stats,
    webhooks,
    dirs: readConfig({}).dirs,
    ...(options.ipRate && { ipRate: options.ipRate }),
    trustProxy: options.trustProxy ?? false,
    alertsPerIp: options.alertsPerIp,
    ...(options.streams && { streams: options.streams }),
  })
  return {
    app,
    store,
    writer,
    bus,
    sites,
    tokens,
    stats,
    spool,
    dataDir,
    webhooks,
    async close() {
      webhooks.close()
      await writer.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

let counter = 0
/** A unique event id for tests. */
export const uid = (prefix = 'e') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`
