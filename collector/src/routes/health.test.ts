import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../testing/testApp.ts'
import { beaconOf, postInit, signal } from '../testing/beacons.ts'
import { Lifecycle } from '../serve/Lifecycle.ts'
import { healthRoutes, STORE_CHECK_TTL_MS } from './health.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('GET /healthz and /readyz', () => {
  it('is live and ready with a working store', async () => {
    expect(await (await t.app.request('/healthz')).json()).toEqual({ status: 'ok' })
    const ready = await t.app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })

  it('is not ready while store inserts fail, and ready again once they work', async () => {
    await t.store.client.command({ query: 'DETACH TABLE signals' })
    try {
      expect((await t.app.request('/v1/collect', postInit(beaconOf([signal()])))).status).toBe(202)
      await t.writer.flush()
      expect(t.writer.degraded).toBe(true)
      const res = await t.app.request('/readyz')
      expect(res.status).toBe(503)
      expect(((await res.json()) as { problems: string[] }).problems).toEqual([
        'store inserts failing (events kept in the log)',
      ])
      expect((await t.app.request('/healthz')).status).toBe(200)
    } finally {
      await t.store.client.command({ query: 'ATTACH TABLE signals' })
    }
    await t.writer.replay()
    await sleep(STORE_CHECK_TTL_MS)
    expect((await t.app.request('/readyz')).status).toBe(200)
  })

  it('is not ready once a stop began', async () => {
    const lifecycle = new Lifecycle()
    const routes = healthRoutes({ client: t.store.client, writer: t.writer, lifecycle })
    expect((await routes.request('/readyz')).status).toBe(200)
    await lifecycle.stop()
    const res = await routes.request('/readyz')
    expect(res.status).toBe(503)
    expect(((await res.json()) as { problems: string[] }).problems).toEqual(['stopping'])
  })
})
