import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, type Store } from './createStore.ts'
import { checkVersion, migrate } from './migrate.ts'
import { Writer } from './Writer.ts'
import { Spool } from './Spool.ts'
import { queryStoredIds } from '../queries/queryStoredIds.ts'

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
  Number(
    (
      (await (
        await store.client.query({ query: `SELECT count() AS c FROM ${table}`, format: 'JSONEachRow' })
      ).json()) as Array<{ c: string }>
    )[0]!.c,
  )

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
      ['w1', 'w2'].map((id) =>
        JSON.stringify({
          site: 'demo',
          ts: Date.now(),
          id,
          session: 's',
          page_view: 'p',
          url: 'http://localhost/',
          ref: '',
          vw: 1,
          vh: 1,
        }),
      ),
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
    writer.push('page_views', [
      JSON.stringify({
        site: 'demo',
        ts: Date.now(),
        id: 'w3',
        session: 's',
        page_view: 'p',
        url: 'u',
        ref: '',
        vw: 'wide',
        vh: 1,
      }),
    ])
    await writer.flush()
    expect(errors).toHaveLength(1)
    expect(writer.pending).toBe(1)
    await writer.close().catch(() => {})
  })
})

describe('Writer with its write-ahead log', () => {
  const row = (id: string) =>
    JSON.stringify({
      site: 'demo',
      ts: Date.now(),
      id,
      session: 's',
      page_view: 'p',
      url: 'http://localhost/',
      ref: '',
      vw: 1,
      vh: 1,
    })
  const ids = async (prefix: string) =>
    (
      (await (
        await store.client.query({
          query: 'SELECT id FROM page_views WHERE startsWith(id, {p:String}) ORDER BY id',
          query_params: { p: prefix },
          format: 'JSONEachRow',
        })
      ).json()) as Array<{ id: string }>
    ).map((r) => r.id)

  it('replays a segment whose insert finished before a crash without storing it twice, and one cut midway without losing', async () => {
    const logDir = join(dir, 'log-crash')
    // The moment of the crash, rebuilt for real: two segments logged and marked as being inserted;
    // the first one's insert finished, the second one's only half (one row of two).
    const before = new Spool({ dir: logDir })
    before.append([{ table: 'page_views', rows: [row('wal-a1'), row('wal-a2')] }])
    const first = before.markSent(before.seal()!)
    before.append([{ table: 'page_views', rows: [row('wal-b1'), row('wal-b2')] }])
    before.markSent(before.seal()!)
    await before.syncAll()
    await store.insertJson('page_views', [row('wal-a1'), row('wal-a2')].join('\n'))
    await store.insertJson('page_views', row('wal-b1'))
    expect(first).toMatch(/\.sent\.jsonl$/)

    // The restart: a new writer over the same log.
    const spool = new Spool({ dir: logDir })
    const writer = new Writer(store.insertJson, {
      spool,
      storedRows: (table, rows) => queryStoredIds(store.client, table, rows),
      onReplay: () => {},
    })
    await writer.replay()
    expect(await ids('wal-')).toEqual(['wal-a1', 'wal-a2', 'wal-b1', 'wal-b2'])
    expect(spool.segments()).toEqual([])
    await writer.close()
  })

  it('acknowledges only after the rows are logged, and removes the segment once they are stored', async () => {
    const spool = new Spool({ dir: join(dir, 'log-ok') })
    const writer = new Writer(store.insertJson, { spool, intervalMs: 60_000 })
    expect(await writer.accept([{ table: 'page_views', rows: [row('ack-1'), row('ack-2')] }])).toBe('ok')
    expect(spool.segments()).toHaveLength(1)
    expect(await ids('ack-')).toEqual([])
    await writer.flush()
    expect(await ids('ack-')).toEqual(['ack-1', 'ack-2'])
    expect(spool.segments()).toEqual([])
    await writer.close()
  })
})
