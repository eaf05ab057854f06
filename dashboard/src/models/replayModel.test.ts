import { hc } from 'hono/client'
import type { ApiType } from '@wince/collector'
import { createTestApp, TEST_TOKEN } from '@wince/collector/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReplayModel } from './replayModel.ts'

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'
/** A POST the way the snippet sends it, from the demo site's origin. */
const postInit = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/plain', origin: 'http://localhost:5173', 'user-agent': UA },
  body: JSON.stringify(body),
})
let n = 0
const signal = (o: { type?: string; t: number; x?: number; y?: number; n?: number }) => ({
  k: 'signal',
  id: `sig${Date.now().toString(36)}${n++}`,
  u: 'http://localhost:5173/pay',
  type: 'dead_click',
  sel: 'button#pay',
  lb: 'button',
  x: 10,
  y: 20,
  n: 1,
  ms: 1500,
  why: 'no-response',
  ...o,
})
const beaconOf = (ev: unknown[], sid: string) => ({ v: 1, s: 'demo', sid, pv: `pv${n++}`, ev })

// The replay model against the real collector app (real chDB): a session's runs and its
// signals, which the player draws as timeline markers and click marks.
describe('replayModel', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => {
    await t?.close()
  })

  it("loads a session's runs with its signals, and only that session's", async () => {
    const session = `rs${Date.now().toString(36)}`
    const start = Date.now() - 10_000
    const ev = [
      { type: 4, timestamp: start, data: { href: 'http://localhost:5173/pay', width: 800, height: 600 } },
      { type: 3, timestamp: start + 2_000, data: { source: 2, type: 2, id: 5, x: 100, y: 200 } },
    ]
    // The collector takes replay runs only from a session it told to record (its /v1/site answer).
    const site = await t.app.request(
      `/v1/site?s=demo&u=${encodeURIComponent('http://localhost:5173/pay')}&vw=800&sid=${session}`,
      { headers: { origin: 'http://localhost:5173' } },
    )
    const { replay: rt } = (await site.json()) as { replay: string }
    expect(
      (await t.app.request('/v1/replay', postInit({ v: 1, s: 'demo', sid: session, pv: 'pv1', seq: 0, ev, rt })))
        .status,
    ).toBe(202)
    const rage = signal({ type: 'rage_click', t: start + 2_100, x: 100, y: 200, n: 5 })
    expect((await t.app.request('/v1/collect', postInit(beaconOf([rage], session)))).status).toBe(202)
    expect(
      (await t.app.request('/v1/collect', postInit(beaconOf([signal({ t: start + 2_000 })], 'someone-else')))).status,
    ).toBe(202)
    await t.writer.flush()

    const api = hc<ApiType>('http://collector.test/api', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(String(input), init),
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    const model = createReplayModel(api)
    await model.open('demo', session)
    expect(model.error.value).toBeNull()
    expect(model.events.value.map((e) => e.timestamp)).toEqual([start, start + 2_000])
    expect(model.signals.value.map((s) => [s.type, s.ts, s.x, s.y, s.n])).toEqual([
      ['rage_click', start + 2_100, 100, 200, 5],
    ])
    model.close()
    expect(model.signals.value).toEqual([])
  })
})
