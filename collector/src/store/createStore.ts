import { createClient, type ClickHouseClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

/** Where events are kept: embedded chDB (default) or a ClickHouse server over HTTP. */
export interface StoreOptions {
  /** Data directory for the embedded store; the chDB files live in `<dataDir>/clickhouse`. */
  dataDir: string
  /** A ClickHouse server URL (e.g. `http://127.0.0.1:8123`); when set, chDB is not used. */
  url?: string
  username?: string
  password?: string
  /** Database on the server (default `default`). */
  database?: string
}

type ChdbAsClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>

export interface Store {
  client: ClickHouseClient
  /** `embedded` (chDB in this process) or `server`. */
  kind: 'embedded' | 'server'
  close(): Promise<void>
}

/**
 * Opens the store. One chDB data directory per process: chDB runs one engine
 * in-process, so a second path while the first is open is refused by chDB.
 */
export function createStore(options: StoreOptions): Store {
  if (options.url) {
    const client = createClient({
      url: options.url,
      username: options.username ?? 'default',
      password: options.password ?? '',
      database: options.database ?? 'default',
      // Inserts are already batched by the writer; no need to wait for async inserts.
      request_timeout: 30_000,
    })
    return { client, kind: 'server', close: () => client.close() }
  }
  const path = resolve(options.dataDir, 'clickhouse')
  mkdirSync(path, { recursive: true })
  // chDB implements @clickhouse/client-common's Connection; the client inlines its
  // own copy of those types, so the two declarations differ only by origin.
  const connection = createChdbConnection({ path }) as unknown as ChdbAsClientConnection
  const client = createClient({ connection })
  return { client, kind: 'embedded', close: () => client.close() }
}
