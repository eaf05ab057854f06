import { createClient, type ClickHouseClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'

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
  /** `WINCE_CLICKHOUSE_CLUSTER`: inserts into the distributed tables are sent to their shards before they are acknowledged. */
  cluster?: string | undefined
}

type ChdbAsClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>

/**
 * Inserts rows given as JSONEachRow text (one JSON object per line, as a string or UTF-8 bytes) into a table:
 * the ingest path builds that text itself, so no row objects are made and encoded again.
 */
export type InsertJson = (table: string, jsonLines: string | Buffer) => Promise<void>

export interface Store {
  client: ClickHouseClient
  insertJson: InsertJson
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
      // On a cluster an insert into a Distributed table is otherwise queued on the node that took it and
      // sent on later: acknowledged before it is on any shard. The write-ahead log holds a batch until this returns.
      ...(options.cluster && { clickhouse_settings: { insert_distributed_sync: 1 } }),
    })
    const insertJson: InsertJson = async (table, jsonLines) => {
      // The statement goes in the URL, the rows stream as the body, as ClickHouse's HTTP interface reads inserts.
      const { stream } = await client.exec({
        query: `INSERT INTO ${table} FORMAT JSONEachRow`,
        values: Readable.from([jsonLines]),
      })
      stream.resume()
    }
    return { client, insertJson, kind: 'server', close: () => client.close() }
  }
  const path = resolve(options.dataDir, 'clickhouse')
  mkdirSync(path, { recursive: true })
  const chdb = createChdbConnection({ path })
  // chDB implements @clickhouse/client-common's Connection; the client inlines its
  // own copy of those types, so the two declarations differ only by origin.
  const connection = chdb as unknown as ChdbAsClientConnection
  const client = createClient({ connection })
  // The text goes to chDB as it is, parsed by its own (multithreaded) JSONEachRow reader.
  const insertJson: InsertJson = async (table, jsonLines) => {
    await chdb.chdb.rawInsert({ table, format: 'JSONEachRow', values: jsonLines })
  }
  return { client, insertJson, kind: 'embedded', close: () => client.close() }
}
