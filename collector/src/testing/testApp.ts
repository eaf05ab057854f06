import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { readConfig } from '../config.ts'
import { MemoryBus } from '../live/LiveBus.ts'
import { Sites } from '../sites/Sites.ts'
import { createStore, type Store } from '../store/createStore.ts'
import { migrate } from '../store/migrate.ts'
import { Writer } from '../store/Writer.ts'

export const TEST_TOKEN = 'test-admin-token'

/** The real app over a real chDB store in a fresh temp dir (one per test file: one chDB per process). */
export async function createTestApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wince-test-'))
  const store: Store = createStore({ dataDir })
  await migrate(store.client)
  const writer = new Writer(store.client, { intervalMs: 20 })
  const bus = new MemoryBus()
  const sites = new Sites()
  const app = createApp({ client: store.client, writer, bus, sites, token: TEST_TOKEN, dirs: readConfig({}).dirs })
  return {
    app,
    store,
    writer,
    bus,
    dataDir,
    async close() {
      await writer.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

let counter = 0
/** A unique event id for tests. */
export const uid = (prefix = 'e') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`
