import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { eventId, postInit, signal } from '../testing/beacons.ts'
import { issueId } from '../issues/issueId.ts'
import type { Issue } from '../issues/listIssues.ts'
import type { SessionRow } from '../queries/querySessionList.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
const admin = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' }
const ORIGIN = 'http://localhost:5173'
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const T0 = Date.now() - 3600_000

const page = (path: string, t: number): WireEvent => ({
  k: 'page',
  id: eventId('p'),
  t,
  u: ORIGIN + path,
  vw: 1280,
  vh: 800,
})
const goal = (t: number, v: number): WireEvent => ({
  k: 'goal',
  id: eventId('g'),
  t,
  u: ORIGIN + '/cart',
  name: 'purchase',
  v,
})

/** One session: its events sent as one beacon (its own page-view id), from a desktop browser unless `ua` says otherwise. */
async function visit(session: string, events: WireEvent[], ua?: string) {
  const res = await t.app.request(
    '/v1/collect',
    postInit({ v: 1, s: 'shop', sid: session, pv: eventId('pv'), ev: events }, ua ? { 'user-agent': ua } : {}),
  )
  expect(res.status).toBe(202)
}
const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: admin })
  expect(res.status, `${path}: ${res.status} ${await res.clone().text()}`).toBe(200)
  return (await res.json()) as T
}

const raged: string[] = []
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
  const put = await t.app.request('/api/settings/sites/shop', {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify({ origins: [ORIGIN], goals: [{ name: 'purchase', url: '/thanks*' }] }),
  })
  expect(put.status).toBe(200)
  // 10 sessions rage on the pay button; 2 of them still buy (they reach /thanks).
  for (let i = 0; i < 10; i++) {
    const s = eventId('rage')
    raged.push(s)
    const at = T0 + i * 1000
    await visit(s, [
      page('/cart', at),
      signal({ t: at + 100, u: ORIGIN + '/cart/', type: 'rage_click', sel: 'button#pay', n: 4 }),
      ...(i < 2 ? [page('/thanks', at + 500)] : []),
    ])
  }
  // 20 sessions view the cart without it: 10 buy through /thanks/order, 2 report the goal with a value of 50.
  for (let i = 0; i < 20; i++) {
    const at = T0 + 100_000 + i * 1000
    await visit(eventId('calm'), [
      page('/cart', at),
      ...(i < 10 ? [page('/thanks/order', at + 500)] : i < 12 ? [goal(at + 500, 50)] : []),
    ])
  }
  // 3 sessions meet a dead link on the cart: too few to say what it costs.
  for (let i = 0; i < 3; i++)
    await visit(eventId('dead'), [
      page('/cart', T0 + 200_000 + i),
      signal({ t: T0 + 200_100 + i, u: ORIGIN + '/cart', type: 'dead_click', sel: 'a#help' }),
    ])
  // One phone visitor.
  await visit(eventId('phone'), [{ ...page('/cart', T0 + 300_000), vw: 390 } as WireEvent], PHONE_UA)
  await t.writer.flush()
})
afterAll(async () => {
  await t?.close()
})

describe('GET /api/issues', () => {
  it('ranks by lost conversions, with the impact measured against the rest of the page', async () => {
    const { issues } = await get<{ issues: Issue[] }>('/api/issues?site=shop')
    expect(issues.map((i) => [i.type, i.url, i.selector])).toEqual([
      ['rage_click', '/cart', 'button#pay'],
      ['dead_click', '/cart', 'a#help'],
    ])
    const [rage] = issues
    expect(rage).toMatchObject({
      id: issueId('shop', '/cart', 'button#pay', 'rage_click'),
      sessions: 10,
      signals: 10,
      status: 'open',
      regression: false,
      impactReason: null,
    })
    // Baseline: the 20 calm sessions, the 3 dead-link ones and the phone (they viewed the cart without this issue): 12 of 24 converted.
    // Interval: Newcombe's hybrid score of 12/24 − 2/10 = [−0.0612, 0.5346] (computed apart), × 10 sessions.
    expect(rage!.impact).toEqual({
      goal: 'any',
      affectedSessions: 10,
      affectedConversion: 0.2,
      baselineSessions: 24,
      baselineConversion: 0.5,
      lostConversions: 3,
      low: -0.61,
      high: 5.35,
      lostValue: 41.67,
    })
  })

  it('gives no impact for a small sample, and says why', async () => {
    const { issues } = await get<{ issues: Issue[] }>('/api/issues?site=shop')
    const dead = issues.find((i) => i.type === 'dead_click')!
    expect(dead.impact).toBeNull()
    expect(dead.impactReason).toBe(
      'too few sessions to compare: 3 met the issue and 31 viewed the page without it; at least 5 of each are needed',
    )
  })

  it('gives the top issues their sessions per day, and friction counts per segment', async () => {
    const { issues } = await get<{ issues: Array<Issue & { trend?: number[] }> }>(
      `/api/issues?site=shop&trend=1&to=${T0 + 250_000}`,
    )
    const sum = (days: number[] | undefined) => (days ?? []).reduce((a, b) => a + b, 0)
    // One element per UTC day of the range (a day back from `to`: two days, or one when `to` is midnight).
    expect(issues[0]!.trend!.length).toBe(
      Math.floor((T0 + 250_000 - 1) / 86_400_000) - Math.floor((T0 + 250_000 - 86_400_000) / 86_400_000) + 1,
    )
    expect(issues.map((i) => [i.selector, sum(i.trend)])).toEqual([
      ['button#pay', 10],
      ['a#help', 3],
    ])
    expect((await t.app.request('/api/issues?site=shop&trend=yes', { headers: admin })).status).toBe(400)

    type Friction = {
      pages: Array<{ url: string; views: number }>
      elements: Array<{ selector: string; sessions: number }>
    }
    const desktop = await get<Friction>('/api/friction?site=shop&device=desktop')
    expect(desktop.elements.map((e) => [e.selector, e.sessions])).toEqual([
      ['button#pay', 10],
      ['a#help', 3],
    ])
    const phone = await get<Friction>('/api/friction?site=shop&device=mobile&os=iOS')
    expect(phone).toEqual({ pages: [], elements: [] })
    expect((await t.app.request('/api/friction?site=shop&device=fridge', { headers: admin })).status).toBe(400)
  })

  it('keeps a status, and reopens a fixed issue that comes back as a regression', async () => {
    const id = issueId('shop', '/cart', 'button#pay', 'rage_click')
    const set = await t.app.request(`/api/issues/${id}/status`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ site: 'shop', status: 'fixed' }),
    })
    expect(set.status).toBe(200)
    const fixed = (await get<{ issues: Issue[] }>('/api/issues?site=shop')).issues.find((i) => i.id === id)
    expect(fixed).toMatchObject({ status: 'fixed', regression: false })
    const bad = await t.app.request(`/api/issues/${id}/status`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ site: 'shop', status: 'done' }),
    })
    expect(bad.status).toBe(400)

    await new Promise((r) => setTimeout(r, 5))
    await visit(eventId('again'), [
      page('/cart', Date.now()),
      signal({ t: Date.now(), u: ORIGIN + '/cart', type: 'rage_click', sel: 'button#pay' }),
    ])
    await t.writer.flush()
    const back = (await get<{ issues: Issue[] }>('/api/issues?site=shop')).issues.find((i) => i.id === id)
    expect(back).toMatchObject({ status: 'open', regression: true, sessions: 11 })
    const ignored = (await get<{ issues: Issue[] }>('/api/issues?site=shop&status=ignored')).issues
    expect(ignored).toEqual([])
  })
})

describe('GET /api/sessions', () => {
  it('returns exactly the sessions with a signal type, with their conversion', async () => {
    const { sessions } = await get<{ sessions: SessionRow[] }>(
      `/api/sessions?site=shop&type=rage_click&to=${T0 + 250_000}`,
    )
    expect(sessions.map((s) => s.session).sort()).toEqual([...raged].sort())
    expect(sessions.filter((s) => s.converted)).toHaveLength(2)
    expect(sessions[0]).toMatchObject({ signals: 1, score: 6, device: 'desktop', browser: 'Chrome', os: 'Linux' })
    const bought = await get<{ sessions: SessionRow[] }>(
      `/api/sessions?site=shop&type=rage_click&converted=true&to=${T0 + 250_000}`,
    )
    expect(bought.sessions.map((s) => s.pages)).toEqual([2, 2])
  })

  it('segments by device and narrows to one issue’s sessions', async () => {
    const phone = await get<{ sessions: SessionRow[] }>('/api/sessions?site=shop&device=mobile')
    expect(phone.sessions).toHaveLength(1)
    expect(phone.sessions[0]).toMatchObject({
      device: 'mobile',
      browser: 'Mobile Safari',
      os: 'iOS',
      signals: 0,
      converted: false,
    })
    const dead = await get<{ sessions: SessionRow[] }>(
      `/api/sessions?site=shop&type=dead_click&selector=${encodeURIComponent('a#help')}&url=${encodeURIComponent(ORIGIN + '/cart')}`,
    )
    expect(dead.sessions).toHaveLength(3)
    const issues = await get<{ issues: Issue[] }>('/api/issues?site=shop&device=mobile')
    expect(issues.issues).toEqual([])
    expect((await t.app.request('/api/sessions?site=shop&device=watch', { headers: admin })).status).toBe(400)
  })
})
