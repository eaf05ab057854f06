import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COLLECTOR_DIR } from '../collectorDir.ts'
import { createStore } from './createStore.ts'
import { migrate, splitStatements } from './migrate.ts'

describe('splitStatements', () => {
  it('splits on ; at line ends and drops comment lines', () => {
    expect(
      splitStatements("-- a table\nCREATE TABLE a (x String DEFAULT ';');\n\nCREATE TABLE b (y UInt8);\n"),
    ).toEqual(["CREATE TABLE a (x String DEFAULT ';')", 'CREATE TABLE b (y UInt8)'])
  })
})

describe('migrate', () => {
  it('collectors starting at once: one applies every file, once; the others wait and apply none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wince-migrate-'))
    // One chDB per process: three migrate() runs on one store stand for three collectors, each with its own lease.
    const store = createStore({ dataDir: dir })
    try {
      const files = readdirSync(join(COLLECTOR_DIR, 'migrations'))
        .filter((f) => f.endsWith('.sql'))
        .sort()
      const results = await Promise.all([1, 2, 3].map(() => migrate(store.client, { shared: true })))
      expect(results.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, 0, files.length])
      expect(results.find((r) => r.length)).toEqual(files)
      const rs = await store.client.query({
        query: 'SELECT name, count() AS n FROM wince_migrations GROUP BY name ORDER BY name',
        format: 'JSONEachRow',
      })
      const rows = (await rs.json()) as Array<{ name: string; n: string | number }>
      expect(rows.map((r) => ({ name: r.name, n: Number(r.n) }))).toEqual(files.map((name) => ({ name, n: 1 })))
      // Started again: nothing to do, and no wait for a lease.
      const began = Date.now()
      expect(await migrate(store.client, { shared: true })).toEqual([])
      expect(Date.now() - began).toBeLessThan(2_000)
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
    // Every migration once, plus the lease's settle and waits: more than the default on a loaded machine.
  }, 60_000)
})
