import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reason, WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { eventId, postInit } from '../testing/beacons.ts'
import type { Outcomes } from '../learning/outcomes.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
const ORIGIN = 'http://localhost:5173'
const admin = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' }
const T = Date.now() - 30 * 60_000
const rs: Reason[] = [
  { type: 'dead_click', sel: 'button#pay', lb: 'button', t: T, n: 1, pts: 4 },
  { type: 'rage_click', sel: 'button#pay', lb: 'button', t: T, n: 4, pts: 6 },
]

const page = (path: string, at: number): WireEvent => ({
  k: 'page',
  id: eventId('p'),
  t: at,
  u: ORIGIN + path,
  vw: 1280,
  vh: 800,
})
const scroll = (at: number): WireEvent => ({
  k: 'scroll',
  id: eventId('sc'),
  t: at,
  u: `${ORIGIN}/cart`,
  d: 900,
  dh: 2000,
  vw: 1280,
})
const goal = (at: number): WireEvent => ({
  k: 'goal',
  id: eventId('g'),
  t: at,
  u: `${ORIGIN}/cart`,
  name: 'purchase',
  v: 0,
})

/** A struggling session: a page, the alert at T, then `after`; an offer (with the visitor's answer) when `message` is given. */
async function session(after: WireEvent[], message?: string, answer?: 'accepted' | 'dismissed') {
  const sid = eventId('s')
  const ev: WireEvent[] = [
    page('/cart', T - 1000),
    { k: 'struggle', id: eventId('a'), t: T, u: `${ORIGIN}/cart`, sc: 10, rs },
    ...after,
  ]
  const res = await t.app.request('/v1/collect', postInit({ v: 1, s: 'shop', sid, pv: eventId('pv'), ev }))
  expect(res.status).toBe(202)
  if (!message) return
  // Offers and answers as the live-message log keeps them (the collector's ClickHouse bus writes these rows).
  const offer = eventId('offer')
  const rows = [
    {
      at: T + 2000,
      id: offer,
      origin: 'test',
      kind: 'offer',
      site: 'shop',
      session: sid,
      data: JSON.stringify({ id: offer, message, by: 'Ana', at: T + 2000 }),
    },
  ]
  if (answer)
    rows.push({
      at: T + 3000,
      id: `ans-${offer}`,
      origin: 'test',
      kind: 'offer-answer',
      site: 'shop',
      session: sid,
      data: JSON.stringify({ offerId: offer, answer, at: T + 3000 }),
    })
  await t.store.client.insert({ table: 'live_events', values: rows, format: 'JSONEachRow' })
}

beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
  const put = await t.app.request('/api/settings/sites/shop', {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify({ origins: [ORIGIN], allowHeadless: true, goals: [{ name: 'purchase', url: '/thanks*' }] }),
  })
  expect(put.status).toBe(200)
  const helpful = 'Can I help with the checkout?'
  const short = 'Need a hand?'
  // Offered and accepted: two of three convert (a thank-you page; a goal the page reported).
  await session([page('/cart', T + 30_000), page('/thanks', T + 60_000)], helpful, 'accepted')
  await session([page('/cart', T + 20_000)], helpful, 'accepted')
  await session([goal(T + 10_000)], helpful, 'accepted')
  // Offered and declined: none converts.
  await session([], short, 'dismissed')
  await session([page('/help', T + 5_000)], short, 'dismissed')
  // Offered, never answered.
  await session([], short)
  // Not offered: 3 of 10 convert.
  for (let i = 0; i < 10; i++) await session(i < 3 ? [page('/thanks', T + 30_000)] : [scroll(T + 4_000)])
  // One more not offered, who leaves at once; and a visitor who converted without struggling (not counted).
  await session([])
  await t.app.request(
    '/v1/collect',
    postInit({ v: 1, s: 'shop', sid: eventId('calm'), pv: eventId('pv'), ev: [page('/thanks', T)] }),
  )
  await t.writer.flush()
  await new Promise((r) => setTimeout(r, 300))
})
afterAll(() => t?.close())

describe('GET /api/outcomes', () => {
  it('splits struggling sessions by the help they got, with exact figures and small samples flagged', async () => {
    const res = await t.app.request(`/api/outcomes?site=shop&from=${T - 60_000}&to=${Date.now() + 1000}`, {
      headers: admin,
    })
    expect(res.status).toBe(200)
    const o = (await res.json()) as Outcomes
    expect(o.sessions).toBe(17)
    expect(o.groups.accepted).toEqual({
      sessions: 3,
      converted: 2,
      conversion: 0.667,
      low: 0.208,
      high: 0.939,
      medianPagesAfter: 1,
      medianLeaveMs: 20_000,
      small: true,
    })
    expect(o.groups.declined).toEqual({
      sessions: 2,
      converted: 0,
      conversion: 0,
      low: 0,
      high: 0.658,
      medianPagesAfter: 0.5,
      medianLeaveMs: 2_500,
      small: true,
    })
    expect(o.groups.unanswered).toMatchObject({ sessions: 1, converted: 0, medianLeaveMs: 0, small: true })
    expect(o.groups.not_offered).toEqual({
      sessions: 11,
      converted: 3,
      conversion: 0.273,
      low: 0.097,
      high: 0.566,
      medianPagesAfter: 0,
      medianLeaveMs: 4_000,
      small: false,
    })
    expect(o.messages.map((m) => [m.message, m.sessions, m.accepted, m.declined, m.unanswered, m.converted])).toEqual([
      ['Can I help with the checkout?', 3, 3, 0, 0, 2],
      ['Need a hand?', 3, 0, 2, 1, 0],
    ])
  })

  it('answers an empty range with empty groups, not an error', async () => {
    const res = await t.app.request(`/api/outcomes?site=shop&from=1000&to=2000`, { headers: admin })
    const o = (await res.json()) as Outcomes
    expect(o.sessions).toBe(0)
    expect(o.groups.accepted).toEqual({
      sessions: 0,
      converted: 0,
      conversion: null,
      low: null,
      high: null,
      medianPagesAfter: null,
      medianLeaveMs: null,
      small: true,
    })
  })

  it('needs a known site and a token', async () => {
    expect((await t.app.request('/api/outcomes?site=nope', { headers: admin })).status).toBe(404)
    expect((await t.app.request('/api/outcomes?site=shop')).status).toBe(401)
  })
})
