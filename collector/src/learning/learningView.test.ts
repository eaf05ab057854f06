import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reason, SignalType, WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { eventId, postInit } from '../testing/beacons.ts'
import type { LearningView } from './learningView.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
const ORIGIN = 'http://localhost:5173'
const json = { 'content-type': 'application/json' }
const admin = { authorization: `Bearer ${TEST_TOKEN}`, ...json }
const r = (type: SignalType, pts: number, sel = 'button#pay'): Reason => ({
  type,
  sel,
  lb: 'button',
  t: Date.now(),
  n: 1,
  pts,
})
const alertIds: Record<string, string> = {}

async function alert(name: string, rs: Reason[]) {
  const id = eventId(name)
  alertIds[name] = id
  const ev: WireEvent[] = [
    {
      k: 'struggle',
      id,
      t: Date.now(),
      u: `${ORIGIN}/cart`,
      sc: Math.round(rs.reduce((s, x) => s + x.pts, 0) * 10) / 10,
      rs,
    },
  ]
  expect(
    (await t.app.request('/v1/collect', postInit({ v: 1, s: 'shop', sid: eventId('s'), pv: eventId('pv'), ev })))
      .status,
  ).toBe(202)
}
async function verdict(headers: Record<string, string>, type: SignalType, selector: string, v: 'real' | 'not') {
  const res = await t.app.request('/api/verdicts', {
    method: 'POST',
    headers,
    body: JSON.stringify({ site: 'shop', issue: { url: `${ORIGIN}/cart`, selector, type }, verdict: v }),
  })
  expect(res.status).toBe(201)
}
const view = async () =>
  (await (await t.app.request('/api/learning?site=shop', { headers: admin })).json()) as LearningView

beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
  expect(
    (
      await t.app.request('/api/settings/sites/shop', {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ origins: [ORIGIN], allowHeadless: true }),
      })
    ).status,
  ).toBe(200)
  const ana = { authorization: `Bearer ${t.tokens.create('agent', 'Ana').token}`, ...json }
  // Dead clicks: 7 "not a problem", 2 "real" (on nine different elements). Rage clicks: 2 real, 1 not (a small sample).
  for (let i = 0; i < 9; i++) await verdict(ana, 'dead_click', `div.tile-${i}`, i < 2 ? 'real' : 'not')
  for (let i = 0; i < 3; i++) await verdict(ana, 'rage_click', `a.more-${i}`, i < 2 ? 'real' : 'not')
  // The week's alerts, scored with the default weights (dead click 4, threshold 8).
  await alert('deadAndRage', [r('rage_click', 5.9), r('dead_click', 3.9)]) // 9.8
  await alert('rageAndError', [r('rage_click', 6), r('error_click', 6)]) // 12
  await alert('twoDead', [r('dead_click', 4), r('dead_click', 4, 'a.x')]) // 8
  await alert('deadFormRage', [r('form_struggle', 6), r('dead_click', 4), r('rage_click', 2)]) // 12
  await t.writer.flush()
})
afterAll(() => t?.close())

describe('calibration from verdicts', () => {
  it('estimates precision per type with its count and interval, small samples marked', async () => {
    const { calibration } = await view()
    expect(calibration.verdicts).toBe(12)
    expect(calibration.precisions).toEqual([
      { type: 'dead_click', real: 2, not: 7, precision: 0.222, low: 0.063, high: 0.547, small: false },
      { type: 'rage_click', real: 2, not: 1, precision: 0.667, low: 0.208, high: 0.939, small: true },
      { type: 'all', real: 4, not: 8, precision: 0.333, low: 0.138, high: 0.609, small: false },
    ])
  })

  it('proposes a lower weight and a higher threshold, each with the alerts that would not have fired', async () => {
    const { proposals } = await view()
    const [weight, threshold, ...more] = proposals.tune
    expect(more).toEqual([])
    expect(weight).toMatchObject({
      spec: { weights: { dead_click: 2 } },
      why: 'dead click alerts were "not a problem" 7 times out of 9: lower its weight from 4 to 2?',
      alerts: 4,
    })
    // 5.9 + 3.9 × 2/4 = 7.85; 4 × 2/4 × 2 = 4; the form struggle keeps 6 + 2 + 2 = 10 ≥ 8.
    expect(weight!.wouldNotFire.map((a) => [a.id, a.score, a.newScore])).toEqual([
      [alertIds.deadAndRage, 9.8, 7.9],
      [alertIds.twoDead, 8, 4],
    ])
    expect(threshold).toMatchObject({
      spec: { threshold: 10 },
      why: 'alerts were "not a problem" 8 times out of 12: raise the threshold from 8 to 10?',
    })
    expect(threshold!.wouldNotFire.map((a) => [a.id, a.newScore])).toEqual([
      [alertIds.deadAndRage, 9.8],
      [alertIds.twoDead, 8],
    ])
  })

  it('applies a tuning only by an admin, delivers it through /v1/site and stops proposing it', async () => {
    const { proposals } = await view()
    const id = proposals.tune[0]!.id
    const apply = await t.app.request(`/api/rules/${id}/apply`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ site: 'shop' }),
    })
    expect(apply.status).toBe(200)
    const site = (await (
      await t.app.request(`/v1/site?s=shop&u=${encodeURIComponent(`${ORIGIN}/cart`)}&vw=1280`, {
        headers: { origin: ORIGIN },
      })
    ).json()) as { tune?: { threshold: number; weights: Record<string, number> } }
    expect(site.tune?.threshold).toBe(8)
    expect(site.tune?.weights.dead_click).toBe(2)
    expect(site.tune?.weights.rage_click).toBe(6)
    const after = await view()
    expect(after.calibration.tuning).toMatchObject({ threshold: 8, tunedBy: [id] })
    // The verdicts judged alerts of the old weights: no proposal until new verdicts come.
    expect(after.proposals.tune).toEqual([])
    // An alert now says which weights it was weighed with.
    await alert('later', [r('rage_click', 6), r('error_click', 6)])
    await t.writer.flush()
    const { alerts } = (await (await t.app.request('/api/alerts?site=shop&from=0', { headers: admin })).json()) as {
      alerts: Array<{ id: string; explain?: { weights: Record<string, number>; tunedBy: string[] } }>
    }
    expect(alerts.find((a) => a.id === alertIds.later)?.explain).toMatchObject({
      weights: { dead_click: 2 },
      tunedBy: [id],
    })
  })
})
