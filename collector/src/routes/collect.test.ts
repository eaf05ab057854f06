import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'
import type { Alert } from '../live/LiveBus.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 0.5, burst: 5 }, trustProxy: true })
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
let ipCounter = 0
/** Each call from its own address unless one is given, so only the rate-limit test meets the limit. */
const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(
    '/v1/collect',
    postInit(body, { 'x-forwarded-for': `198.51.${ipCounter >> 8}.${ipCounter++ & 255}`, ...headers }),
  )
const count = async (sql: string, params: Record<string, unknown> = {}) =>
  Number(
    (
      (await (
        await t.store.client.query({ query: sql, query_params: params, format: 'JSONEachRow' })
      ).json()) as Array<{ c: string }>
    )[0]!.c,
  )

describe('idempotency', () => {
  it('stores and publishes a re-sent beacon once', async () => {
    const session = eventId('dup')
    const now = Date.now()
    const b = beaconOf(
      [
        signal({ t: now }),
        signal({ t: now, type: 'rage_click', n: 4 }),
        { k: 'struggle', id: eventId('al'), t: now, u: 'http://localhost:5173/shop', sc: 6, rs: [] },
      ],
      session,
    )
    const alerts: Alert[] = []
    const off = t.bus.subscribe((m) => m.kind === 'alert' && alerts.push(m.data))
    for (let i = 0; i < 3; i++) expect((await post(b)).status).toBe(202)
    off()
    await t.writer.flush()
    expect(alerts).toHaveLength(1)
    expect(await count('SELECT count() AS c FROM signals WHERE session = {s:String}', { s: session })).toBe(2)
    expect(await count('SELECT count() AS c FROM alerts WHERE session = {s:String}', { s: session })).toBe(1)
    expect(t.stats.duplicates).toBeGreaterThanOrEqual(6)
  })
})

describe('bots', () => {
  it('drops crawlers and counts them, and keeps headless browsers only where the site allows them', async () => {
    const session = eventId('bot')
    const before = t.stats.bots
    expect(
      (await post(beaconOf([signal()], session), { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }))
        .status,
    ).toBe(202)
    expect((await post(beaconOf([signal()], session), { 'user-agent': 'curl/8.5.0' })).status).toBe(202)
    expect(t.stats.bots).toBe(before + 2)

    const headless =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'
    expect(await (await post(beaconOf([signal()], session), { 'user-agent': headless })).json()).toMatchObject({
      accepted: 1,
    })
    await t.sites.put({ id: 'strict', origins: ['http://localhost:*'] })
    const strict = { ...beaconOf([signal()], session), s: 'strict' }
    expect(await (await post(strict, { 'user-agent': headless })).json()).toEqual({
      accepted: 0,
      rejected: [],
      dropped: 'headless',
    })
    await t.writer.flush()
    expect(await count('SELECT count() AS c FROM signals WHERE session = {s:String}', { s: session })).toBe(1)
  })
})

describe('limits', () => {
  it('accepts gzip bodies and refuses zip bombs and broken gzip', async () => {
    const session = eventId('gz')
    const ok = await post(gzipSync(JSON.stringify(beaconOf([signal()], session))), { 'content-encoding': 'gzip' })
    expect(ok.status).toBe(202)
    const bomb = gzipSync(Buffer.from(JSON.stringify({ v: 1, pad: 'a'.repeat(5_000_000) })))
    expect(bomb.length).toBeLessThan(64 * 1024)
    const refused = await post(bomb, { 'content-encoding': 'gzip' })
    expect(refused.status).toBe(413)
    expect(((await refused.json()) as { error: string }).error).toMatch(/un-gzipped/)
    expect((await post('not gzip at all', { 'content-encoding': 'gzip' })).status).toBe(400)
    expect((await post('x', { 'content-encoding': 'br' })).status).toBe(415)
  })

  it('refuses more events per beacon than the limit, naming the field', async () => {
    const res = await post(gzipSync(JSON.stringify(beaconOf(Array.from({ length: 501 }, () => signal())))), {
      'content-encoding': 'gzip',
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/^ev: /)
  })

  it('rate-limits one IP with 429 and Retry-After, leaving other IPs alone', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' }
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await post(beaconOf([signal()]), ip)).status)
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429])
    const limited = await post(beaconOf([signal()]), ip)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(((await limited.json()) as { error: string }).error).toBe('too many beacons from this address')
    expect((await post(beaconOf([signal()]), { 'x-forwarded-for': '203.0.113.10' })).status).toBe(202)
  })

  it('rate-limits a site past its own limit', async () => {
    await t.sites.put({ id: 'small', origins: ['http://localhost:*'], rate: { rate: 0.1, burst: 2 } })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await post({ ...beaconOf([signal()]), s: 'small' })).status)
    expect(statuses).toEqual([202, 202, 429])
  })
})

describe('sites and origins', () => {
  it('accepts a configured site from its origins only', async () => {
    const put = await t.app.request('/api/settings/sites/shop', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ origins: ['https://shop.example'] }),
    })
    expect(put.status).toBe(200)
    const b = { ...beaconOf([signal({ u: 'https://shop.example/cart' })]), s: 'shop' }
    expect((await post(b, { origin: 'https://shop.example' })).status).toBe(202)
    expect((await post(b, { origin: 'http://localhost:5173' })).status).toBe(403)
    expect((await post(b, { origin: 'https://shop.example.evil.io' })).status).toBe(403)
  })

  it('refuses a bad site setting, naming the field', async () => {
    const res = await t.app.request('/api/settings/sites/shop', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ origins: ['shop.example/path'] }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/^origins\.0: an origin/)
  })
})

describe('privacy at the door', () => {
  it('drops query strings, label text (unless the site allows text) and e-mails in selectors', async () => {
    const session = eventId('priv')
    await post(
      beaconOf(
        [
          signal({
            u: 'http://localhost:5173/search?q=jane%40doe.com#top',
            lb: 'button Email jane@doe.com',
            sel: 'div.user-jane@doe.com>button:nth-of-type(2)',
          }),
        ],
        session,
      ),
    )
    await t.writer.flush()
    const res = await t.app.request(`/api/signals?site=demo&session=${session}`, { headers: admin })
    const [row] = ((await res.json()) as { signals: Array<{ url: string; label: string; selector: string }> }).signals
    expect(row).toMatchObject({
      url: 'http://localhost:5173/search',
      label: 'button',
      selector: '@>button:nth-of-type(2)',
    })
  })
})

describe('pointer type', () => {
  it('stores the pointer a click signal was made with and returns it, and empty for signals without one', async () => {
    const session = eventId('pt')
    const now = Date.now()
    await post(
      beaconOf(
        [
          signal({ t: now, type: 'rage_click', n: 4, pt: 'touch' }),
          signal({ t: now + 1, type: 'dead_click', pt: 'mouse' }),
          signal({ t: now + 2, type: 'excessive_scroll', sel: '', lb: '', n: 3, why: '' }),
        ],
        session,
      ),
    )
    await t.writer.flush()
    const res = await t.app.request(`/api/signals?site=demo&session=${session}`, { headers: admin })
    const { signals } = (await res.json()) as { signals: Array<{ type: string; pointer: string }> }
    expect(signals.map((r) => [r.type, r.pointer])).toEqual([
      ['rage_click', 'touch'],
      ['dead_click', 'mouse'],
      ['excessive_scroll', ''],
    ])
  })
})

describe('roles', () => {
  it('lets an agent read and watch, and refuses it settings', async () => {
    const made = await t.app.request('/api/settings/tokens', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ role: 'agent', name: 'Sam (support)' }),
    })
    expect(made.status).toBe(201)
    const { token, id } = (await made.json()) as { token: string; id: string }
    const agent = { authorization: `Bearer ${token}` }
    expect((await t.app.request('/api/signals?site=demo', { headers: agent })).status).toBe(200)
    expect((await t.app.request('/api/settings/tokens', { headers: agent })).status).toBe(403)
    expect(
      (await t.app.request('/api/settings/sites/x', { method: 'PUT', headers: agent, body: '{"origins":[]}' })).status,
    ).toBe(403)

    // The token list never shows secrets; a revoked token stops working, sessions included.
    const list = await (await t.app.request('/api/settings/tokens', { headers: admin })).text()
    expect(list).toContain('Sam (support)')
    expect(list).not.toContain(token)
    const login = await t.app.request(`/?token=${token}`)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    expect((await t.app.request('/api/alerts?site=demo', { headers: { cookie } })).status).toBe(200)
    expect((await t.app.request(`/api/settings/tokens/${id}`, { method: 'DELETE', headers: admin })).status).toBe(200)
    expect((await t.app.request('/api/signals?site=demo', { headers: agent })).status).toBe(401)
    expect((await t.app.request('/api/alerts?site=demo', { headers: { cookie } })).status).toBe(401)
  })

  it('answers 401 to no token and a wrong one on every route', async () => {
    for (const path of [
      '/api/signals?site=demo',
      '/api/friction?site=demo',
      '/api/alerts?site=demo',
      '/api/alerts/stream',
      '/api/sites',
      '/api/stats',
      '/api/settings/tokens',
    ]) {
      expect((await t.app.request(path)).status, path).toBe(401)
      expect((await t.app.request(path, { headers: { authorization: 'Bearer nope' } })).status, path).toBe(401)
    }
  })
})
