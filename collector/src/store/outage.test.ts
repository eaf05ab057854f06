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

    await sleep(400)
    for (const table of TABLES) await t.store.client.command({ query: `DETACH TABLE ${table}` })
    await sleep(1500)
    const spooledDuringOutage = t.spool!.bytes
    for (const table of TABLES) await t.store.client.command({ query: `ATTACH TABLE ${table}` })
    await sleep(400)
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
    expect(sent).toBeGreaterThan(50)
    expect({ raw: Number(row!.raw), ids: Number(row!.ids) }).toEqual({ raw: accepted.size, ids: accepted.size })
    expect(t.spool!.segments()).toEqual([])
    console.log(
      `outage: ${sent} beacons, ${accepted.size} events accepted, ${spooledDuringOutage} bytes spooled, stored ${row!.raw} (lost 0, duplicated 0)`,
    )
  })
})
