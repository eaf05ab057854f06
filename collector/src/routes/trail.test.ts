import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrailBody } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { eventId, postInit } from '../testing/beacons.ts'
import { TRAIL_MAX_STEPS } from './trail.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
const ORIGIN = 'http://localhost:5173'
const PAGE = `${ORIGIN}/trail-page`
type Run = {
  seq: number
  alert: string
  events: Array<{ type: number; timestamp: number; data: Record<string, unknown> }>
}
const runsOf = async (session: string) => {
  const res = await t.app.request(`/api/sessions/${session}/replay?site=demo`, { headers: admin })
  expect(res.status).toBe(200)
  return ((await res.json()) as { runs: Run[] }).runs
}
/** A session told to record: the replay token of its `/v1/site` answer. */
const told = async (session: string, page = PAGE) => {
  const r = await t.app.request(`/v1/site?s=demo&u=${encodeURIComponent(page)}&vw=1280&sid=${session}`, {
    headers: { origin: ORIGIN },
  })
  return (await r.json()) as { replay: string; snapshot: string | false }
}

describe('POST /v1/trail', () => {
  it('stores the minute before an alert and replays it over the page snapshot: cursor, clicks, scroll, fields without values', async () => {
    const session = eventId('tr')
    const { replay: rt, snapshot: tk } = await told(session)
    const snap = {
      type: 0,
      id: 1,
      childNodes: [
        { type: 1, id: 2, name: 'html' },
        { type: 2, id: 3, tagName: 'html', attributes: {}, childNodes: [] },
      ],
    }
    expect(
      (
        await t.app.request(
          '/v1/snapshot',
          postInit({ v: 1, s: 'demo', u: PAGE, vw: 1280, vh: 800, dw: 1280, dh: 3000, snap, tk }),
        )
      ).status,
    ).toBe(202)
    const t0 = Date.now() - 20_000
    const body: TrailBody = {
      v: 1,
      s: 'demo',
      sid: session,
      pv: 'pv1',
      seq: 0,
      alert: 'alert1',
      u: `${PAGE}?q=secret#x`,
      vw: 1280,
      vh: 800,
      dw: 1280,
      dh: 3000,
      rt,
      ev: [
        [t0, 's', 0, 120],
        [t0 + 100, 'm', 40, 50],
        [t0 + 300, 'f', 0, 0, 'input#email'],
        [t0 + 400, 'i', 0, 0, 'input#email'],
        [t0 + 900, 'c', 400, 300, 'button#pay'],
        [t0 + 800, 'm', 400, 300],
      ],
    }
    const res = await t.app.request('/v1/trail', postInit(body))
    expect(res.status).toBe(202)
    const runs = await runsOf(session)
    expect(runs).toHaveLength(1)
    expect(runs[0]!.alert).toBe('alert1')
    const ev = runs[0]!.events
    // A meta event (query and fragment dropped), the custom event that says it is a trail, the stored page at the trail's scroll.
    expect(ev.slice(0, 3).map((e) => e.type)).toEqual([4, 5, 2])
    expect(ev[0]!.data).toEqual({ href: PAGE, width: 1280, height: 800 })
    expect(ev[1]!.data.tag).toBe('wince-trail')
    expect(ev[2]!.data).toEqual({ node: snap, initialOffset: { left: 0, top: 120 } })
    // Steps in time order: scroll, move, focus, input (no value anywhere), move, click on the root element at its point.
    const rest = ev.slice(3)
    expect(rest.map((e) => e.timestamp)).toEqual([t0, t0 + 100, t0 + 300, t0 + 400, t0 + 800, t0 + 900])
    expect(rest[0]!.data).toEqual({ source: 3, id: 1, x: 0, y: 120 })
    expect(rest[1]!.data).toEqual({ source: 1, positions: [{ x: 40, y: 50, id: 3, timeOffset: 0 }] })
    expect(rest[2]!.data).toEqual({ tag: 'wince-focus', payload: { selector: 'input#email' } })
    expect(rest[3]!.data).toEqual({ tag: 'wince-input', payload: { selector: 'input#email' } })
    expect(rest[5]!.data).toEqual({ source: 2, type: 2, id: 3, x: 400, y: 300 })
  })

  it('refuses what is not a trail of a session told to record, and keeps nothing of it', async () => {
    const session = eventId('trx')
    const { replay: rt } = await told(session)
    const now = Date.now()
    const good: TrailBody = {
      v: 1,
      s: 'demo',
      sid: session,
      pv: 'pv1',
      seq: 0,
      alert: 'a1',
      u: PAGE,
      vw: 1280,
      vh: 800,
      dw: 1280,
      dh: 3000,
      ev: [[now, 'm', 1, 2]],
      rt,
    }
    const bad: Array<[unknown, number, RegExp]> = [
      [{ ...good, rt: undefined }, 403, /trail refused/],
      [{ ...good, sid: eventId('other') }, 403, /trail refused/],
      [{ ...good, ev: [] }, 400, /ev/],
      [{ ...good, ev: [[now, 'k', 1, 2]] }, 400, /ev/],
      // A value in an input step is not a selector of the right kind: a step has at most five parts.
      [{ ...good, ev: [[now, 'i', 0, 0, 'input#a', 'typed secret']] }, 400, /ev/],
      [{ ...good, ev: Array.from({ length: TRAIL_MAX_STEPS + 1 }, (_, i) => [now + i, 'm', 1, 2]) }, 400, /ev/],
      [{ ...good, value: 'extra field' }, 400, /value/],
      [{ ...good, u: 'javascript:alert(1)' }, 400, /u/],
      [{ ...good, s: 'nosuchsite' }, 403, /unknown site/],
    ]
    for (const [body, status, why] of bad) {
      const res = await t.app.request('/v1/trail', postInit(body))
      const text = await res.text()
      expect(res.status, text).toBe(status)
      expect(text).toMatch(why)
    }
    expect(await runsOf(session)).toEqual([])
  })

  it('plays a trail over the recorder’s first snapshot when the page has none stored, and leaves it out with neither', async () => {
    const session = eventId('trr')
    const page = `${ORIGIN}/never-snapshotted`
    const { replay: rt } = await told(session, page)
    const now = Date.now()
    const trail: TrailBody = {
      v: 1,
      s: 'demo',
      sid: session,
      pv: 'pv9',
      seq: 0,
      alert: 'a9',
      u: page,
      vw: 1280,
      vh: 800,
      dw: 1280,
      dh: 3000,
      ev: [[now - 5000, 'c', 5, 6, 'a']],
      rt,
    }
    expect((await t.app.request('/v1/trail', postInit(trail))).status).toBe(202)
    expect(await runsOf(session)).toEqual([])
    const node = { type: 0, id: 7, childNodes: [{ type: 2, id: 8, tagName: 'html', childNodes: [] }] }
    const rec = {
      v: 1,
      s: 'demo',
      sid: session,
      pv: 'pv9',
      seq: 0,
      alert: 'a9',
      rt,
      ev: [
        { type: 4, timestamp: now, data: {} },
        { type: 2, timestamp: now, data: { node, initialOffset: { top: 0, left: 0 } } },
      ],
    }
    expect((await t.app.request('/v1/replay', postInit(rec))).status).toBe(202)
    const runs = await runsOf(session)
    expect(runs.map((r) => r.seq)).toEqual([1_000_000, 0])
    expect(runs[0]!.events[2]!.data.node).toEqual(node)
    expect(runs[0]!.events.at(-1)!.data).toEqual({ source: 2, type: 2, id: 8, x: 5, y: 6 })
  })
})
