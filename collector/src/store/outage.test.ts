import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ spool: true, ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const TABLES = ['signals', 'page_views', 'alerts']
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Each phase lasts a minimum time and a minimum number of beacons: on a loaded machine
// a request can take far longer than on a quiet one, and a phase measured in time alone
// could pass with no beacon sent in it.
const MIN_BEACONS_PER_PHASE = 20
const PHASE_TIMEOUT_MS = 60_000
async function phase(ms: number, count: () => number): Promise<number> {
  const from = count()
  const started = Date.now()
  await sleep(ms)
  while (count() - from < MIN_BEACONS_PER_PHASE) {
    if (Date.now() - started > PHASE_TIMEOUT_MS)
      throw new Error(`only ${count() - from} beacons in ${PHASE_TIMEOUT_MS} ms`)
    await sleep(20)
  }
  return count() - from
}

// The store really fails: its tables are detached, so every insert errors, as
// when a ClickHouse server is down. Then it comes back.
describe('store outage under steady load', () => {
  it('stores every accepted event exactly once', async () => {
    const run = eventId('outage')
    const accepted = new Set<string>()
    let refused = 0
    let sending = true
    let sent = 0
    const load = (async () => {
      while (sending) {
        const events = Array.from({ length: 20 }, () => signal({ why: run }))
        const res = await t.app.request('/v1/collect', postInit(beaconOf(events)))
        if (res.status === 202) for (const e of events) accepted.add(e.id)
        else refused++
        sent++
        await sleep(2)
      }
    })()

    const sentCount = () => sent
    const before = await phase(400, sentCount)
    for (const table of TABLES) await t.store.client.command({ query: `DETACH TABLE ${table}` })
    const during = await phase(1500, sentCount)
    const spooledDuringOutage = t.spool!.bytes
    for (const table of TABLES) await t.store.client.command({ query: `ATTACH TABLE ${table}` })
    const after = await phase(400, sentCount)
    sending = false
    await load
    await t.writer.flush()
    for (let i = 0; i < 100 && (t.writer.degraded || t.spool!.segments().length > 0); i++) {
      await t.writer.replay()
      await sleep(50)
    }

    const [row] = (await (
      await t.store.client.query({
        query: 'SELECT count() AS raw, uniqExact(id) AS ids FROM signals WHERE why = {run:String}',
        query_params: { run },
        format: 'JSONEachRow',
      })
    ).json()) as Array<{ raw: string; ids: string }>

    expect(spooledDuringOutage).toBeGreaterThan(0)
    expect(refused).toBe(0)
    expect(Math.min(before, during, after)).toBeGreaterThanOrEqual(MIN_BEACONS_PER_PHASE)
    expect({ raw: Number(row!.raw), ids: Number(row!.ids) }).toEqual({ raw: accepted.size, ids: accepted.size })
    expect(t.spool!.segments()).toEqual([])
    console.log(
      `outage: ${sent} beacons (${before} before, ${during} during, ${after} after the outage), ${accepted.size} events accepted, ${spooledDuringOutage} bytes spooled, stored ${row!.raw} (lost 0, duplicated 0)`,
    )
  })
})
