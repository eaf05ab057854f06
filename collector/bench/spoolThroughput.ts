// Spool throughput: events/s accepted while the store is down (appended and
// fsynced in groups, as the collector does before answering), and replayed
// into the embedded store once it is back.
// Usage: tsx bench/spoolThroughput.ts [events]   Prints one JSON line last.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore } from '../src/store/createStore.ts'
import { migrate } from '../src/store/migrate.ts'
import { Spool } from '../src/store/Spool.ts'
import { Writer } from '../src/store/Writer.ts'
import { toBatches } from '../src/ingest/toBatches.ts'
import type { WireEvent } from '@wince/snippet/wire'

const EVENTS = Number(process.argv[2] ?? 200_000)
const PER_BEACON = 20
const CONCURRENT = 50
const dir = mkdtempSync(join(tmpdir(), 'wince-bench-spool-'))
const store = createStore({ dataDir: dir })
try {
  await migrate(store.client)
  const spool = new Spool({ dir: join(dir, 'spool') })
  const writer = new Writer(store.insertJson, { spool, retryMs: 60_000, onError: () => {}, onReplay: () => {} })
  await store.client.command({ query: 'DETACH TABLE signals' })
  // The first failed insert turns the writer to the spool, as an outage does.
  await writer.accept([{ table: 'signals', rows: ['{"id":"x"}'] }])
  await writer.flush()
  if (!writer.degraded) throw new Error('writer did not turn to the spool')

  const now = Date.now()
  let n = 0
  const beacon = (): ReturnType<typeof toBatches> => {
    const ev: WireEvent[] = Array.from({ length: PER_BEACON }, () => ({
      k: 'signal',
      id: `e${n++}`,
      t: now,
      u: 'http://localhost:8080/demo/',
      type: 'dead_click',
      sel: 'button#wishlist',
      lb: 'button',
      x: 10,
      y: 20,
      n: 1,
      ms: 1000,
      why: 'no-response',
    }))
    return toBatches({ s: 'demo', sid: 's1', pv: 'p1' }, ev)
  }
  const t0 = performance.now()
  let sent = 0
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (sent < EVENTS) {
        sent += PER_BEACON
        if ((await writer.accept(beacon())) !== 'ok') throw new Error('spool full or failing')
      }
    }),
  )
  const spoolSeconds = (performance.now() - t0) / 1000
  const bytes = spool.bytes

  await store.client.command({ query: 'ATTACH TABLE signals' })
  const t1 = performance.now()
  await writer.replay()
  const replaySeconds = (performance.now() - t1) / 1000
  const stored = Number(
    (
      (await (
        await store.client.query({
          query: "SELECT count() AS c FROM signals WHERE startsWith(id, 'e')",
          format: 'JSONEachRow',
        })
      ).json()) as Array<{ c: string }>
    )[0]!.c,
  )
  await writer.close()
  const result = {
    events: sent,
    spooledPerSecond: Math.round(sent / spoolSeconds),
    spoolMB: Math.round(bytes / 1e5) / 10,
    replayedPerSecond: Math.round(stored / replaySeconds),
    stored,
  }
  console.log(
    `spool: ${result.spooledPerSecond} events/s appended+fsynced, ${result.spoolMB} MB; replay ${result.replayedPerSecond} events/s; stored ${stored} of ${sent}`,
  )
  console.log(JSON.stringify(result))
  // The last line is the figure; a replay that lost or doubled events is a failure, not a figure.
  if (stored !== sent) throw new Error(`replay stored ${stored} of ${sent} events`)
} finally {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}
