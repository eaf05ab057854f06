import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, type Store } from './createStore.ts'
import { checkVersion, migrate } from './migrate.ts'
import { Writer } from './Writer.ts'

let store: Store
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wince-writer-'))
  store = createStore({ dataDir: dir })
  await migrate(store.client)
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const count = async (table: string) =>
  Number(((await (await store.client.query({ query: `SELECT count() AS c FROM ${table}`, format: 'JSONEachRow' })).json()) as Array<{ c: string }>)[0]!.c)

describe('the embedded store', () => {
  it('runs a ClickHouse new enough for the schema, and migrations only once', async () => {
    expect(await checkVersion(store.client)).toMatch(/^2\d\./)
    expect(await migrate(store.client)).toEqual([])
  })
})

describe('Writer', () => {
  it('batches rows and writes them on flush', async () => {
    const writer = new Writer(store.insertJson, { intervalMs: 60_000 })
    writer.push(
      'page_views',
      ['w1', 'w2'].map((id) => JSON.stringify({ site: 'demo', ts: Date.now(), id, session: 's', page_view: 'p', url: 'http://localhost/', ref: '', vw: 1, vh: 1 })),
    )
    expect(writer.pending).toBe(2)
    expect(await count('page_views')).toBe(0)
    await writer.flush()
    expect(writer.pending).toBe(0)
    expect(await count('page_views')).toBe(2)
  })

  it('keeps rows queued when an insert fails', async () => {
    const errors: string[] = []
    const writer = new Writer(store.insertJson, { intervalMs: 60_000, onError: (e) => errors.push(e.message) })
    // A row the table refuses (vw is UInt16) stands in for a store that is failing.
    writer.push('page_views', [JSON.stringify({ site: 'demo', ts: Date.now(), id: 'w3', session: 's', page_view: 'p', url: 'u', ref: '', vw: 'wide', vh: 1 })])
    await writer.flush()
    expect(errors).toHaveLength(1)
    expect(writer.pending).toBe(1)
    await writer.close().catch(() => {})
  })
})
