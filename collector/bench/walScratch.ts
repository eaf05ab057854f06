import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore } from '../src/store/createStore.ts'
import { migrate } from '../src/store/migrate.ts'
import { Spool } from '../src/store/Spool.ts'
import { Writer } from '../src/store/Writer.ts'
import { toBatches } from '../src/ingest/toBatches.ts'
import type { WireEvent } from '@wince/snippet/wire'
const dir = mkdtempSync(join(tmpdir(), 'wince-walscratch-'))
const store = createStore({ dataDir: dir })
await migrate(store.client)
const spool = new Spool({ dir: join(dir, 'spool') })
const orig = spool.syncAll.bind(spool)
let syncs = 0, syncMs = 0
;(spool as any)._syncOnce = ((o) => async function (this: any) { const t = performance.now(); try { return await o.call(this) } finally { syncs++; syncMs += performance.now() - t } })((spool as any)._syncOnce)
const writer = new Writer(store.insertJson, { spool })
let n = 0
const now = Date.now()
const beacon = () => toBatches({ s: 'demo', sid: 's1', pv: 'p1' }, Array.from({ length: 20 }, () => ({ k: 'signal', id: `e${n++}`, t: now, u: 'http://localhost:8080/demo/', type: 'dead_click', sel: 'button#wishlist', lb: 'button', x: 10, y: 20, n: 1, ms: 1000, why: 'no-response' }) as WireEvent))
const t0 = performance.now()
let sent = 0
const SECS = Number(process.argv[2] ?? 5)
await Promise.all(Array.from({ length: 32 }, async () => { while (performance.now() - t0 < SECS * 1000) { sent += 20; await writer.accept(beacon()) } }))
const s = (performance.now() - t0) / 1000
await writer.flush()
console.log({ evPerSec: Math.round(sent / s), syncs, avgSyncMs: (syncMs / syncs).toFixed(2) })
await writer.close(); await store.close(); rmSync(dir, { recursive: true, force: true })
