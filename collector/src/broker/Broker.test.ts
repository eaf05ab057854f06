import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisBroker, type Broker } from './Broker.ts'
import { startRedis, type RunningRedis } from '../testing/redisServer.ts'
import type { LiveMessage } from '../live/LiveMessage.ts'
import type { ApiError } from '../ApiError.ts'
import { UploadLimits } from '../ingest/state/UploadLimits.ts'

let redis: RunningRedis
let a: Broker
let b: Broker

beforeAll(async () => {
  redis = await startRedis()
  a = await redisBroker(redis.url, 3)
  b = await redisBroker(redis.url, 3)
})

afterAll(async () => {
  await a?.close()
  await b?.close()
  await redis?.stop()
})

const offer = (id: string): LiveMessage => ({
  id,
  kind: 'offer',
  site: 'demo',
  session: 's1',
  at: Date.now(),
  data: { id, message: 'Hi', by: 'Maria', at: Date.now() },
})

const next = (broker: Broker, kind: string) =>
  new Promise<LiveMessage>((resolve) => {
    const stop = broker.bus.subscribe((m) => {
      if (m.kind !== kind) return
      stop()
      resolve(m)
    })
  })

describe('Redis broker', () => {
  it('delivers a message at once to its own process and through Redis to the other, once each', async () => {
    const seenByA: string[] = []
    const stopA = a.bus.subscribe((m) => seenByA.push(m.id))
    const onB = next(b, 'offer')
    a.bus.publish(offer('o1'))
    expect(seenByA).toEqual(['o1'])
    expect((await onB).id).toBe('o1')
    // Its own echo from Redis is not delivered a second time.
    await new Promise((r) => setTimeout(r, 100))
    expect(seenByA).toEqual(['o1'])
    stopA()
  })

  it('shares a rate limit: a burst of 5 is 5 across both collectors, not 10', async () => {
    const limit = { rate: 0.01, burst: 5 }
    const waits = [] as number[]
    for (let i = 0; i < 4; i++)
      waits.push(await a.limits.take('ip', limit, '198.51.100.7'), await b.limits.take('ip', limit, '198.51.100.7'))
    expect(waits.filter((w) => w === 0)).toHaveLength(5)
    expect(waits.slice(5).every((w) => w > 0)).toBe(true)
    // Another key has its own bucket.
    expect(await b.limits.take('ip', limit, '198.51.100.8', 5)).toBe(0)
  })

  it('shares the alert gate: one alert per session episode and 3 a minute per address, across both', async () => {
    expect(await a.alertGate.admit('demo/s1', '203.0.113.1')).toBe(true)
    expect(await b.alertGate.admit('demo/s1', '203.0.113.1')).toBe(false)
    expect(await b.alertGate.admit('demo/s2', '203.0.113.1')).toBe(true)
    expect(await a.alertGate.admit('demo/s3', '203.0.113.1')).toBe(true)
    expect(await b.alertGate.admit('demo/s4', '203.0.113.1')).toBe(false)
    expect(await a.alertGate.admit('demo/s4', '203.0.113.2')).toBe(true)
  })

  it('shares upload limits: one site rate and one daily byte quota across both collectors', async () => {
    const site = `shop-${Date.now()}`
    const options = { siteRate: { rate: 0.001, burst: 3 }, quotaBytes: 1_000 }
    const onA = new UploadLimits({ ...options, limits: a.limits })
    const onB = new UploadLimits({ ...options, limits: b.limits })
    const tried = async (limits: UploadLimits, bytes: number) =>
      limits.charge(site, bytes, 'snapshot').then(
        () => 'ok',
        (err: ApiError) => err.status,
      )
    // 400 + 400 fit; the third 400 would pass 1,000 bytes for the day, whichever collector takes it.
    expect([await tried(onA, 400), await tried(onB, 400), await tried(onA, 400)]).toEqual(['ok', 'ok', 429])
    // The refused bytes did not count, but the site's burst of 3 uploads is spent across both.
    expect(await tried(onB, 100)).toBe(429)
    const ip = `198.51.100.${Date.now() % 200}`
    const checked = async (limits: UploadLimits) =>
      limits.checkIp(ip, 'replay').then(
        () => 'ok',
        (err: ApiError) => err.status,
      )
    const ipA = new UploadLimits({ ipRate: { rate: 0.001, burst: 2 }, limits: a.limits })
    const ipB = new UploadLimits({ ipRate: { rate: 0.001, burst: 2 }, limits: b.limits })
    expect([await checked(ipA), await checked(ipB), await checked(ipA)]).toEqual(['ok', 'ok', 429])
  })

  it('with Redis gone, limits and the gate fail open at once (beacons are still taken) and nothing throws', async () => {
    const own = await startRedis()
    const broker = await redisBroker(own.url)
    await own.stop()
    const began = Date.now()
    expect(await broker.limits.take('ip', { rate: 1, burst: 1 }, '192.0.2.1', 5)).toBe(0)
    expect(await broker.alertGate.admit('demo/gone', '192.0.2.1')).toBe(true)
    expect(() => broker.bus.publish(offer('o-gone'))).not.toThrow()
    expect(Date.now() - began).toBeLessThan(3_000)
    await broker.close()
  })

  it('refuses to start when Redis cannot be reached, naming the variable', async () => {
    await expect(redisBroker('redis://127.0.0.1:1')).rejects.toThrow(/WINCE_REDIS_URL: cannot reach Redis/)
  })
})
