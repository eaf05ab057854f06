import { serve, type ServerType } from '@hono/node-server'
import type { ClickHouseClient } from '@clickhouse/client'
import { createApp } from './app.ts'
import { loadAdminToken, loadSharedAdminToken } from './auth/adminToken.ts'
import { SharedState } from './store/SharedState.ts'
import type { Config } from './config.ts'
import { memoryBroker, redisBroker } from './broker/Broker.ts'
import { WebhookSender } from './webhooks/WebhookSender.ts'
import { Sites } from './sites/Sites.ts'
import { IssueRollup } from './issues/IssueRollup.ts'
import { createStore } from './store/createStore.ts'
import { checkVersion, migrate } from './store/migrate.ts'
import { Writer } from './store/Writer.ts'
import { Spool } from './store/Spool.ts'
import { Tokens } from './auth/Tokens.ts'
import { IngestStats } from './ingest/state/IngestStats.ts'
import { join } from 'node:path'
import { StreamGate } from './live/StreamGate.ts'
import { UploadLimits } from './ingest/state/UploadLimits.ts'
import { dropSlowClients } from './server/dropSlowClients.ts'
import type { Server } from 'node:http'
import { Lifecycle } from './serve/Lifecycle.ts'
import { queryStoredIds } from './queries/queryStoredIds.ts'

export interface Running {
  url: string
  /** The store's client (tests and tools). */
  client: ClickHouseClient
  writer: Writer
  token: string
  tokenGenerated: boolean
  /** Where the admin token is kept when not given: `the data dir`, or `ClickHouse` (shared by collectors). */
  tokenKeptIn: string
  storeVersion: string
  /** Stops taking requests, lets those in flight finish, ends streams, flushes the log into the store, closes it. */
  close(): Promise<void>
}

/** Opens the store, migrates it, and serves the app: the whole collector. */
export async function start(config: Config): Promise<Running> {
  const store = createStore({ dataDir: config.dataDir, ...config.clickhouse, cluster: config.cluster })
  let storeVersion: string
  try {
    storeVersion = await checkVersion(store.client)
    await migrate(store.client, { cluster: config.cluster, shared: store.kind === 'server' })
  } catch (err) {
    await store.close().catch(() => {})
    throw err
  }
  // Several collectors share a bus and limits through Redis; one process needs nothing outside itself.
  const broker = config.redisUrl
    ? await redisBroker(config.redisUrl, config.alertsPerIp)
    : memoryBroker(config.alertsPerIp)
  const { bus } = broker
  // On a ClickHouse server, what collectors must agree on lives there: the data dir keeps only this process's log.
  const state = config.clickhouse ? new SharedState(store.client).link(broker) : undefined
  const { token, generated } = state
    ? await loadSharedAdminToken(state, config.adminToken)
    : loadAdminToken(config.dataDir, config.adminToken)
  const sitesFile = config.sitesFile ?? join(config.dataDir, 'sites.json')
  const sites = state ? await Sites.fromState(state, sitesFile) : Sites.fromFile(sitesFile)
  const tokens = state ? await Tokens.fromState(token, state, config.dataDir) : new Tokens(token, config.dataDir)
  const spool = new Spool({ dir: join(config.dataDir, 'spool'), maxBytes: config.spoolMaxBytes })
  const writer = new Writer(store.insertJson, {
    spool,
    storedRows: (table, rows) => queryStoredIds(store.client, table, rows),
  })
  const webhooks = new WebhookSender()
  const stats = new IngestStats()
  const lifecycle = new Lifecycle()
  const streams = new StreamGate({ perIp: config.livePerIp, total: config.liveMax })
  // Closed days' issue counts, finished ahead of `/api/issues` (and redone when late events come).
  const rollup = new IssueRollup(store.client, () => sites.list())
  rollup.start()
  const app = createApp({
    client: store.client,
    writer,
    bus,
    sites,
    tokens,
    token,
    stats,
    webhooks,
    lifecycle,
    dirs: config.dirs,
    ipRate: config.ipRate,
    trustProxy: config.trustProxy,
    alertsPerIp: config.alertsPerIp,
    alertGate: broker.alertGate,
    limits: broker.limits,
    streams,
    uploads: new UploadLimits({
      ipRate: config.uploadIpRate,
      siteRate: config.uploadSiteRate,
      quotaBytes: config.uploadQuotaBytes,
      limits: broker.limits,
    }),
  })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
  })
  // serve() without createServer options makes a node:http Server.
  lifecycle.attach(server as Server)
  dropSlowClients(server)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  return {
    url: `http://localhost:${port}`,
    client: store.client,
    writer,
    token,
    tokenGenerated: generated,
    tokenKeptIn: state ? 'ClickHouse' : 'the data dir',
    storeVersion: `${store.kind} ClickHouse ${storeVersion}`,
    async close() {
      // Visitor channels idle for minutes: ended at once, not waited for.
      streams.closeAll()
      // In-flight requests finish (each was logged before its 202), streams end, then the log is drained into the store.
      await lifecycle.stop()
      await rollup.stop()
      webhooks.close()
      state?.close()
      await broker.close()
      await writer.close()
      await store.close()
    },
  }
}
