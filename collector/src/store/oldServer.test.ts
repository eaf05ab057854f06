import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOldClickHouse } from '../testing/oldClickHouse.ts'
import { createStore } from './createStore.ts'

const COLLECTOR = fileURLToPath(new URL('../../', import.meta.url))

// Server mode, over HTTP, against a real ClickHouse server that is too old.
describe('CLICKHOUSE_URL pointing at ClickHouse 18.16', () => {
  let server: Awaited<ReturnType<typeof startOldClickHouse>>
  const dataDir = mkdtempSync(join(tmpdir(), 'wince-old-'))
  beforeAll(async () => {
    server = await startOldClickHouse()
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses to start, naming the version it needs', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: COLLECTOR,
      env: { ...process.env, CLICKHOUSE_URL: server.url, WINCE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toBe('wince: ClickHouse 18.16.1 is too old: Wince needs ClickHouse 23.8 or newer')
  })

  it('takes the ingest path’s JSON lines over HTTP (the insert a server-mode collector makes)', async () => {
    const store = createStore({ dataDir, url: server.url })
    try {
      await store.client.command({ query: 'CREATE TABLE lines (id String, n UInt32) ENGINE = Memory' })
      await store.insertJson('lines', ['{"id":"a","n":1}', '{"id":"b\\u00e9\\"","n":2}'].join('\n'))
      const rows = await (
        await store.client.query({ query: 'SELECT id, n FROM lines ORDER BY id', format: 'JSONEachRow' })
      ).json()
      expect(rows).toEqual([
        { id: 'a', n: 1 },
        { id: 'bé"', n: 2 },
      ])
      await expect(store.insertJson('lines', '{"id":"c","n":"many"}')).rejects.toThrow()
    } finally {
      await store.close()
    }
  })
})
