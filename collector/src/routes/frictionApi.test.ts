import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { eventId, postInit, signal } from '../testing/beacons.ts'
import type { FrictionElement } from '../queries/queryFrictionElements.ts'
import type { FrictionPage } from '../queries/queryFrictionPages.ts'
import type { PageVitals } from '../queries/queryVitals.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
const admin = { authorization: `Bearer ${TEST_TOKEN}` }
const ORIGIN = 'http://localhost:5173'
const CART = `${ORIGIN}/cart`
const HOME = `${ORIGIN}/`
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const FIREFOX_WINDOWS_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'
const T0 = Date.now() - 600_000

const page = (u: string, at: number, vw = 1280): WireEvent => ({ k: 'page', id: eventId('p'), t: at, u, vw, vh: 800 })
const vital = (at: number, v: number): WireEvent => ({
  k: 'vital',
  id: eventId('v'),
  t: at,
  u: CART,
  name: 'LCP',
  v,
  sel: 'img.hero',
  vw: 1280,
})
const struggle = (at: number): WireEvent => ({
  k: 'struggle',
  id: eventId('a'),
  t: at,
  u: CART,
  sc: 6,
  rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: at - 50, n: 4, pts: 6 }],
})

/** One page view of a session, from the browser `ua` says (desktop Chrome on Linux when absent). */
async function visit(events: WireEvent[], ua?: string) {
  const beacon = { v: 1, s: 'demo', sid: eventId('s'), pv: eventId('pv'), ev: events }
  const res = await t.app.request('/v1/collect', postInit(beacon, ua ? { 'user-agent': ua } : {}))
  expect(res.status).toBe(202)
}

beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
  // Two desktop Chrome-on-Linux sessions rage on the pay button and struggle; LCP 2 s.
  for (let i = 0; i < 2; i++) {
    const at = T0 + i * 1000
    await visit([
      page(CART, at),
      signal({ t: at + 100, u: CART, type: 'rage_click', sel: 'button#pay', n: 4 }),
      struggle(at + 150),
      ...(i === 0 ? [vital(at + 200, 2000)] : []),
    ])
  }
  // Three iPhone sessions meet a dead help link on the cart (LCP 4 s); one more only sees the home page.
  for (let i = 0; i < 3; i++) {
    const at = T0 + 10_000 + i * 1000
    await visit(
      [
        page(CART, at, 390),
        signal({ t: at + 100, u: CART, type: 'dead_click', sel: 'a#help', pt: 'touch' }),
        ...(i === 0 ? [vital(at + 200, 4000)] : []),
      ],
      PHONE_UA,
    )
  }
  await visit([page(HOME, T0 + 20_000, 390)], PHONE_UA)
  // One desktop Firefox-on-Windows session meets the same dead link.
  await visit(
    [page(CART, T0 + 30_000), signal({ t: T0 + 30_100, u: CART, type: 'dead_click', sel: 'a#help' })],
    FIREFOX_WINDOWS_UA,
  )
  await t.writer.flush()
})
afterAll(async () => {
  await t?.close()
})

interface Friction {
  pages: FrictionPage[]
  elements: FrictionElement[]
}
interface Overview {
  trend: { bucketMs: number; points: Array<{ t: number; type: string; n: number }> }
  struggling: Array<{ url: string; sessions: number; struggling: number; share: number }>
  vitals: PageVitals[]
}
const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: admin })
  expect(res.status, `${path}: ${res.status} ${await res.clone().text()}`).toBe(200)
  return (await res.json()) as T
}
/** What the Friction view shows for a segment (`&device=…&browser=…&os=…`), in short. */
async function frictionOf(segment: string) {
  const f = await get<Friction>(`/api/friction?site=demo${segment}`)
  const o = await get<Overview>(`/api/overview?site=demo${segment}`)
  const trend: Record<string, number> = {}
  for (const p of o.trend.points) trend[p.type] = (trend[p.type] ?? 0) + p.n
  return {
    pages: f.pages.map((p) => [p.url, p.signals, p.sessions, p.views]),
    elements: f.elements.map((e) => [e.selector, e.signals, e.sessions]),
    trend,
    struggling: o.struggling.map((s) => [s.url, s.sessions, s.struggling, s.share]),
    vitals: o.vitals.map((v) => [v.url, v.name, v.p75, v.samples]),
  }
}

describe('the Friction view per segment', () => {
  it('counts every table, the trend, the struggling share and the vitals for all visitors', async () => {
    expect(await frictionOf('')).toEqual({
      pages: [[CART, 6, 6, 6]],
      elements: [
        ['a#help', 4, 4],
        ['button#pay', 2, 2],
      ],
      trend: { dead_click: 4, rage_click: 2 },
      struggling: [
        [CART, 6, 2, 0.3333],
        [HOME, 1, 0, 0],
      ],
      // p75 of 2 s and 4 s, interpolated as ClickHouse's quantile does.
      vitals: [[CART, 'LCP', 3500, 2]],
    })
  })

  it('narrows all of them to a device class', async () => {
    expect(await frictionOf('&device=mobile')).toEqual({
      pages: [[CART, 3, 3, 3]],
      elements: [['a#help', 3, 3]],
      trend: { dead_click: 3 },
      struggling: [
        [CART, 3, 0, 0],
        [HOME, 1, 0, 0],
      ],
      vitals: [[CART, 'LCP', 4000, 1]],
    })
    expect(await frictionOf('&device=desktop')).toEqual({
      pages: [[CART, 3, 3, 3]],
      elements: [
        ['button#pay', 2, 2],
        ['a#help', 1, 1],
      ],
      trend: { rage_click: 2, dead_click: 1 },
      struggling: [[CART, 3, 2, 0.6667]],
      vitals: [[CART, 'LCP', 2000, 1]],
    })
  })

  it('narrows all of them to a browser, an OS, or both', async () => {
    const chrome = {
      pages: [[CART, 2, 2, 2]],
      elements: [['button#pay', 2, 2]],
      trend: { rage_click: 2 },
      struggling: [[CART, 2, 2, 1]],
      vitals: [[CART, 'LCP', 2000, 1]],
    }
    expect(await frictionOf('&browser=Chrome')).toEqual(chrome)
    expect(await frictionOf('&os=Linux')).toEqual(chrome)
    expect(await frictionOf('&device=desktop&browser=Chrome&os=Linux')).toEqual(chrome)
    expect(await frictionOf('&os=Windows')).toEqual({
      pages: [[CART, 1, 1, 1]],
      elements: [['a#help', 1, 1]],
      trend: { dead_click: 1 },
      struggling: [[CART, 1, 0, 0]],
      vitals: [],
    })
    expect(await frictionOf('&browser=Mobile%20Safari&os=iOS')).toEqual(await frictionOf('&device=mobile'))
  })

  it('shows nothing for a segment no visitor is in', async () => {
    const none = { pages: [], elements: [], trend: {}, struggling: [], vitals: [] }
    expect(await frictionOf('&device=desktop&os=iOS')).toEqual(none)
    expect(await frictionOf('&browser=Edge')).toEqual(none)
  })

  it('refuses a bad segment with the message the other views give', async () => {
    const bad = async (path: string) => {
      const res = await t.app.request(path, { headers: admin })
      expect(res.status, path).toBe(400)
      return ((await res.json()) as { error: string }).error
    }
    for (const route of ['/api/friction', '/api/overview', '/api/sessions', '/api/heatmap']) {
      const base =
        route === '/api/heatmap'
          ? `${route}?site=demo&url=${encodeURIComponent(CART)}&vc=desktop`
          : `${route}?site=demo`
      if (route !== '/api/heatmap')
        expect(await bad(`${base}&device=fridge`)).toBe('device: one of desktop, tablet, mobile')
      expect(await bad(`${base}&browser=%3Cscript%3E`)).toBe(
        'browser: a browser family such as Chrome or Mobile Safari',
      )
      expect(await bad(`${base}&os=${'x'.repeat(41)}`)).toBe('os: an OS family such as Windows or iOS')
    }
  })
})

describe('GET /api/segments', () => {
  it('lists the device classes, browser and OS families seen, most page views first', async () => {
    expect(await get('/api/segments?site=demo')).toEqual({
      devices: [
        { name: 'mobile', views: 4 },
        { name: 'desktop', views: 3 },
      ],
      browsers: [
        { name: 'Mobile Safari', views: 4 },
        { name: 'Chrome', views: 2 },
        { name: 'Firefox', views: 1 },
      ],
      os: [
        { name: 'iOS', views: 4 },
        { name: 'Linux', views: 2 },
        { name: 'Windows', views: 1 },
      ],
    })
    // A range before any visit: nothing to offer.
    expect(await get(`/api/segments?site=demo&from=${T0 - 7200_000}&to=${T0 - 3600_000}`)).toEqual({
      devices: [],
      browsers: [],
      os: [],
    })
  })
})
