import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'
import { readEvents } from '../testing/readEvents.ts'
import { StreamGate } from '../live/StreamGate.ts'
import type { Alert } from '../live/LiveBus.ts'

const PER_IP = 30
let t: Awaited<ReturnType<typeof createTestApp>>
const streams = new StreamGate({ perIp: 3, total: 5 })
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1, burst: 100 }, trustProxy: true, alertsPerIp: PER_IP, streams })
})
afterAll(async () => {
  streams.closeAll()
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
const ORIGIN = 'http://localhost:5173'
const DAY = 24 * 3600 * 1000
const from = (ip: string) => ({ 'x-forwarded-for': ip })
const post = (body: unknown, ip: string) => t.app.request('/v1/collect', postInit(body, from(ip)))
const count = async (sql: string, params: Record<string, unknown> = {}) =>
  Number(
    (
      (await (
        await t.store.client.query({ query: sql, query_params: params, format: 'JSONEachRow' })
      ).json()) as Array<{ c: string }>
    )[0]!.c,
  )
const struggle = (t0 = Date.now()): WireEvent => ({
  k: 'struggle',
  id: eventId('al'),
  t: t0,
  u: `${ORIGIN}/checkout`,
  sc: 9,
  rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: t0 - 500, n: 5, pts: 6 }],
})

describe('alerts stay human-sized', () => {
  it('alerts 30 new sessions a minute from one address; the rest are kept, held, and page no one', async () => {
    const published: Alert[] = []
    const off = t.bus.subscribe((m) => m.kind === 'alert' && published.push(m.data))
    const sessions = Array.from({ length: 60 }, () => eventId('flood'))
    for (const sid of sessions) expect((await post(beaconOf([struggle()], sid), '203.0.113.1')).status).toBe(202)
    off()
    await t.writer.flush()
    expect(published).toHaveLength(PER_IP)
    const inList = sessions.map((s) => `'${s}'`).join(',')
    expect(await count(`SELECT count() AS c FROM alerts WHERE session IN (${inList}) AND held = 0`)).toBe(PER_IP)
    expect(await count(`SELECT count() AS c FROM alerts WHERE session IN (${inList}) AND held = 1`)).toBe(60 - PER_IP)
    const { alerts } = (await (await t.app.request('/api/alerts?site=demo', { headers: admin })).json()) as {
      alerts: Alert[]
    }
    expect(alerts.filter((a) => sessions.includes(a.session))).toHaveLength(PER_IP)
    // Another address is not held by the first one's flood.
    const other: Alert[] = []
    const off2 = t.bus.subscribe((m) => m.kind === 'alert' && other.push(m.data))
    expect((await post(beaconOf([struggle()]), '203.0.113.2')).status).toBe(202)
    off2()
    expect(other).toHaveLength(1)
  })

  it('alerts a session once per episode, however many struggle events it sends', async () => {
    const sid = eventId('loop')
    const published: Alert[] = []
    const off = t.bus.subscribe((m) => m.kind === 'alert' && published.push(m.data))
    expect((await post(beaconOf([struggle(), struggle(), struggle()], sid), '203.0.113.3')).status).toBe(202)
    expect((await post(beaconOf([struggle()], sid), '203.0.113.3')).status).toBe(202)
    off()
    expect(published).toHaveLength(1)
  })
})

describe('limits count events', () => {
  it('charges a beacon its events: 60 + 40 pass a burst of 100, then one more event is refused with Retry-After', async () => {
    const ip = '203.0.113.10'
    const events = (n: number) => Array.from({ length: n }, () => signal())
    expect((await post(beaconOf(events(60)), ip)).status).toBe(202)
    expect((await post(beaconOf(events(40)), ip)).status).toBe(202)
    const refused = await post(beaconOf(events(1)), ip)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  it('refuses one beacon of 500 events from a fresh address with a burst of 100', async () => {
    const body = gzipSync(JSON.stringify(beaconOf(Array.from({ length: 500 }, () => signal()))))
    const res = await t.app.request(
      '/v1/collect',
      postInit(body, { ...from('203.0.113.11'), 'content-encoding': 'gzip' }),
    )
    expect(res.status).toBe(429)
    expect(((await res.json()) as { error: string }).error).toMatch(/this beacon has 500/)
  })
})

describe('times are the collector’s', () => {
  it('moves the events of a page whose clock is 2 days ahead to when they happened, keeping the skew', async () => {
    const sid = eventId('skew')
    const pageNow = Date.now() + 2 * DAY
    const alert = struggle(pageNow - 1_000)
    const sig = signal({ t: pageNow - 2_000 })
    const before = Date.now()
    expect((await post({ ...beaconOf([sig, alert], sid), t: pageNow }, '203.0.113.20')).status).toBe(202)
    await t.writer.flush()
    const rows = (await (
      await t.store.client.query({
        query:
          'SELECT toUnixTimestamp64Milli(ts) AS ts, skew FROM alerts WHERE session = {s:String} UNION ALL SELECT toUnixTimestamp64Milli(ts), skew FROM signals WHERE session = {s:String}',
        query_params: { s: sid },
        format: 'JSONEachRow',
      })
    ).json()) as Array<{ ts: string; skew: string }>
    expect(rows).toHaveLength(2)
    for (const r of rows) {
      expect(Math.abs(Number(r.skew) - 2 * DAY)).toBeLessThan(5_000)
      expect(Number(r.ts)).toBeGreaterThan(before - 5_000)
      expect(Number(r.ts)).toBeLessThan(Date.now())
    }
    const { alerts } = (await (await t.app.request('/api/alerts?site=demo', { headers: admin })).json()) as {
      alerts: Alert[]
    }
    const listed = alerts.find((a) => a.id === alert.id)
    expect(listed).toBeDefined()
    expect(Math.abs(listed!.ts - (before - 1_000))).toBeLessThan(5_000)
    expect(Math.abs(listed!.reasons[0]!.t - (before - 1_500))).toBeLessThan(5_000)
  })

  it('leaves a clock within 2 s alone', async () => {
    const sid = eventId('near')
    const t0 = Date.now() - 10_000
    expect((await post({ ...beaconOf([signal({ t: t0 })], sid), t: Date.now() + 1_500 }, '203.0.113.21')).status).toBe(
      202,
    )
    await t.writer.flush()
    expect(
      await count(
        'SELECT count() AS c FROM signals WHERE session = {s:String} AND skew = 0 AND toUnixTimestamp64Milli(ts) = {t:Int64}',
        { s: sid, t: t0 },
      ),
    ).toBe(1)
  })
})

describe('visitor channels', () => {
  const open = (ip: string, sid = eventId('ch')) =>
    t.app.request(`/v1/live?s=demo&sid=${sid}`, { headers: { origin: ORIGIN, ...from(ip) } })

  it('caps channels per address and in all with a JSON 429, and frees a slot when a channel ends', async () => {
    const a = [await open('198.18.0.1'), await open('198.18.0.1'), await open('198.18.0.1')]
    for (const r of a) expect(r.status).toBe(200)
    const fourth = await open('198.18.0.1')
    expect(fourth.status).toBe(429)
    expect(((await fourth.json()) as { error: string }).error).toMatch(/from this address/)
    const b = [await open('198.18.0.2'), await open('198.18.0.2')]
    for (const r of b) expect(r.status).toBe(200)
    const full = await open('198.18.0.3')
    expect(full.status).toBe(429)
    expect(((await full.json()) as { error: string }).error).toMatch(/channels open/)
    expect(streams.refused).toBe(2)

    await a[0]!.body!.cancel()
    for (let i = 0; i < 50 && streams.size > 4; i++) await new Promise((r) => setTimeout(r, 10))
    const again = await open('198.18.0.3')
    expect(again.status).toBe(200)

    // Shutdown ends every channel at once.
    streams.closeAll()
    for (const r of [...a.slice(1), ...b, again]) await r.text()
    expect(streams.size).toBe(0)
  })

  it('gives a channel opened late the offers still pending, from memory, and not answered ones', async () => {
    const sid = eventId('late')
    // Agents offer help only to sessions that exist: this one struggled.
    expect((await post(beaconOf([struggle()], sid), '198.18.0.99')).status).toBe(202)
    const offer = async (message: string) =>
      (
        (await (
          await t.app.request(`/api/sessions/${sid}/offers`, {
            method: 'POST',
            headers: { ...admin, 'content-type': 'application/json' },
            body: JSON.stringify({ site: 'demo', message }),
          })
        ).json()) as { offer: { id: string } }
      ).offer
    const first = await offer('First offer')
    const second = await offer('Second offer')
    const answer = await t.app.request('/v1/answer', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: JSON.stringify({ s: 'demo', sid, offerId: first.id, answer: 'dismissed' }),
    })
    expect(answer.status).toBe(202)
    const channel = await open('198.18.0.9', sid)
    const events = await readEvents(channel, (ev) => ev.some((e) => e.event === 'offer'), 2000)
    const offers = events.filter((e) => e.event === 'offer').map((e) => JSON.parse(e.data) as { id: string })
    expect(offers.map((o) => o.id)).toEqual([second.id])
  })

  it('reads a bounded answer body', async () => {
    const res = await t.app.request('/v1/answer', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: 'x'.repeat(100_000),
    })
    expect(res.status).toBe(413)
  })
})
