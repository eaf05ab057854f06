import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
const ORIGIN = 'http://localhost:5173'
const PAGE = `${ORIGIN}/product`
const get = async <T>(path: string) => {
  const res = await t.app.request(path, { headers: admin })
  expect(res.status, `${path}: ${res.status}`).toBe(200)
  return (await res.json()) as T
}
const click = (sel: string, fx: number, fy: number, vw = 1280): WireEvent => ({
  k: 'click',
  id: eventId('c'),
  t: Date.now(),
  u: PAGE,
  x: 100,
  y: 200,
  vw,
  dw: vw,
  dh: 3000,
  sel,
  fx,
  fy,
})

describe('snapshots', () => {
  it('asks one page view for a snapshot, then none, and serves the one it got', async () => {
    const ask = () =>
      t.app.request(`/v1/site?s=demo&u=${encodeURIComponent(PAGE + '?q=x')}&vw=1280`, { headers: { origin: ORIGIN } })
    const first = (await (await ask()).json()) as { snapshot: string | false; recording: string; help: unknown }
    expect(first).toMatchObject({ snapshot: expect.stringMatching(/^[\w-]{16,}$/), recording: 'struggle', help: null })
    expect(((await (await ask()).json()) as { snapshot: string | false }).snapshot).toBe(false)

    const snap = {
      type: 0,
      childNodes: [{ type: 2, tagName: 'button', attributes: { id: 'buy' }, childNodes: [] }],
      id: 1,
    }
    const body = { v: 1, s: 'demo', u: PAGE, vw: 1280, vh: 800, dw: 1280, dh: 3000, snap }
    const tk = first.snapshot as string
    // Unsolicited, or solicited for another page or viewport class: refused, and nothing stored.
    for (const wrong of [
      body,
      { ...body, tk: 'made-up-token-0123456789' },
      { ...body, tk, u: `${ORIGIN}/other` },
      { ...body, tk, vw: 400 },
    ]) {
      const refused = await t.app.request('/v1/snapshot', postInit(wrong))
      expect(refused.status).toBe(403)
      expect(((await refused.json()) as { error: string }).error).toMatch(/^unsolicited snapshot/)
    }
    expect(
      (await t.app.request(`/api/snapshot?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop`, { headers: admin }))
        .status,
    ).toBe(404)
    const sent = await t.app.request('/v1/snapshot', postInit({ ...body, tk }))
    expect(sent.status).toBe(202)
    // The token is one-time: a replay of the same request is refused.
    expect((await t.app.request('/v1/snapshot', postInit({ ...body, tk }))).status).toBe(403)
    const stored = await get<{ snap: unknown; dh: number }>(
      `/api/snapshot?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop`,
    )
    expect(stored).toMatchObject({ snap, dh: 3000 })
    expect(
      (await t.app.request(`/api/snapshot?site=demo&url=${encodeURIComponent(PAGE)}&vc=mobile`, { headers: admin }))
        .status,
    ).toBe(404)
  })

  it('takes a new snapshot when an admin asks: the next page view is asked for one, and it replaces the old', async () => {
    const ask = async () =>
      (
        (await (
          await t.app.request(`/v1/site?s=demo&u=${encodeURIComponent(PAGE)}&vw=1280`, { headers: { origin: ORIGIN } })
        ).json()) as { snapshot: string | false }
      ).snapshot
    expect(await ask()).toBe(false) // the one stored above is recent
    const refresh = (headers: Record<string, string>, body: unknown) =>
      t.app.request('/api/snapshot/refresh', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    // Agents may look, not repaint; bad input is named.
    const agent = { authorization: `Bearer ${(await t.tokens.create('agent', 'Sam')).token}` }
    expect((await refresh(agent, { site: 'demo', url: PAGE })).status).toBe(403)
    expect(await (await refresh(admin, { site: 'demo', url: 'javascript:alert(1)' })).json()).toEqual({
      error: expect.stringMatching(/^url: /),
    })
    expect((await refresh(admin, { site: 'nosuch', url: PAGE })).status).toBe(400)
    expect(await ask()).toBe(false)

    const done = await refresh(admin, { site: 'demo', url: PAGE + '?utm=x#top' })
    expect(done.status).toBe(200)
    expect(await done.json()).toMatchObject({ site: 'demo', url: PAGE })
    const tk = await ask()
    expect(tk).toEqual(expect.stringMatching(/^[\w-]{16,}$/))
    expect(await ask()).toBe(false) // one page view is enough
    const snap = {
      type: 0,
      childNodes: [{ type: 2, tagName: 'p', attributes: {}, childNodes: [{ type: 3, textContent: 'Fresh' }] }],
      id: 1,
    }
    expect(
      (
        await t.app.request(
          '/v1/snapshot',
          postInit({ v: 1, s: 'demo', u: PAGE, vw: 1280, vh: 800, dw: 1280, dh: 2000, snap, tk }),
        )
      ).status,
    ).toBe(202)
    expect(
      await get<{ snap: unknown; dh: number }>(`/api/snapshot?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop`),
    ).toMatchObject({ snap, dh: 2000 })
  })

  it("asks every page for a new snapshot when the site's text setting changes, not when another setting does", async () => {
    const ask = async (url: string) =>
      (
        (await (
          await t.app.request(`/v1/site?s=demo&u=${encodeURIComponent(url)}&vw=1280`, { headers: { origin: ORIGIN } })
        ).json()) as { snapshot: string | false }
      ).snapshot
    const patch = (body: unknown) =>
      t.app.request('/api/settings/sites/demo', {
        method: 'PATCH',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const store = async (url: string, tk: string, text: string) =>
      (
        await t.app.request(
          '/v1/snapshot',
          postInit({
            v: 1,
            s: 'demo',
            u: url,
            vw: 1280,
            vh: 800,
            dw: 1280,
            dh: 900,
            snap: { type: 0, childNodes: [{ type: 3, textContent: text }], id: 1 },
            tk,
          }),
        )
      ).status
    const OTHER = `${ORIGIN}/basket`
    expect(await store(OTHER, (await ask(OTHER)) as string, 'basket')).toBe(202)
    expect([await ask(PAGE), await ask(OTHER)]).toEqual([false, false])

    // Another setting: the stored snapshots still stand.
    expect((await patch({ allowHeadless: true })).status).toBe(200)
    expect([await ask(PAGE), await ask(OTHER)]).toEqual([false, false])

    // Text allowed: each page is asked once for a snapshot taken with text.
    expect((await patch({ allowText: true })).status).toBe(200)
    const withText = [await ask(PAGE), await ask(OTHER)]
    expect(withText).toEqual([expect.stringMatching(/^[\w-]{16,}$/), expect.stringMatching(/^[\w-]{16,}$/)])
    expect(await store(PAGE, withText[0] as string, 'Ann Smith')).toBe(202)
    expect(await store(OTHER, withText[1] as string, 'Ann Smith')).toBe(202)
    expect([await ask(PAGE), await ask(OTHER)]).toEqual([false, false])

    // Text masked again: the snapshots with text no longer count as stored, so masked ones replace them.
    expect((await patch({ allowText: false })).status).toBe(200)
    const masked = [await ask(PAGE), await ask(OTHER)]
    expect(masked).toEqual([expect.stringMatching(/^[\w-]{16,}$/), expect.stringMatching(/^[\w-]{16,}$/)])
    expect(await store(PAGE, masked[0] as string, '*** *****')).toBe(202)
    expect(
      await get<{ snap: unknown }>(`/api/snapshot?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop`),
    ).toMatchObject({ snap: { childNodes: [{ textContent: '*** *****' }] } })
    await patch({ allowHeadless: null })
  })
})

describe('heatmap', () => {
  it('counts clicks per element cell and ranks the elements, per viewport class', async () => {
    const events = [
      ...Array.from({ length: 6 }, () => click('button#broken', 0.52, 0.48)),
      click('button#broken', 0.1, 0.1),
      ...Array.from({ length: 3 }, () => click('a#works', 0.5, 0.5)),
      click('button#broken', 0.5, 0.5, 500),
    ]
    await t.app.request('/v1/collect', postInit(beaconOf(events)))
    await t.writer.flush()
    const q = `site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop`
    const { cells, hotspots } = await get<{
      cells: Array<{ selector: string; gfx: number; gfy: number; clicks: number }>
      hotspots: Array<{ selector: string; clicks: number }>
    }>(`/api/heatmap?${q}`)
    expect(hotspots.map((h) => [h.selector, h.clicks])).toEqual([
      ['button#broken', 7],
      ['a#works', 3],
    ])
    expect(cells[0]).toMatchObject({ selector: 'button#broken', gfx: 5, gfy: 4, clicks: 6 })
    const mobile = await get<{ hotspots: Array<{ selector: string; clicks: number }> }>(
      `/api/heatmap?site=demo&url=${encodeURIComponent(PAGE)}&vc=mobile`,
    )
    expect(mobile.hotspots).toEqual([{ selector: 'button#broken', clicks: 1, sessions: 1 }])
    const { sessions } = await get<{ sessions: unknown[] }>(
      `/api/heatmap/sessions?${q}&selector=${encodeURIComponent('a#works')}`,
    )
    expect(sessions).toHaveLength(1)
  })

  it('draws a signal layer from signals of page views of that viewport class', async () => {
    const session = eventId('layer')
    await t.app.request(
      '/v1/collect',
      postInit(
        beaconOf(
          [
            { k: 'page', id: eventId(), t: Date.now() - 1000, u: PAGE, vw: 1280, vh: 800 },
            signal({ u: PAGE, type: 'dead_click', sel: 'button#broken' }),
            signal({ u: PAGE, type: 'dead_click', sel: 'button#broken' }),
          ],
          session,
        ),
      ),
    )
    await t.writer.flush()
    const { hotspots } = await get<{ hotspots: unknown[] }>(
      `/api/heatmap?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop&layer=dead_click`,
    )
    expect(hotspots).toEqual([{ selector: 'button#broken', clicks: 2, sessions: 1 }])
    const none = await get<{ hotspots: unknown[] }>(
      `/api/heatmap?site=demo&url=${encodeURIComponent(PAGE)}&vc=mobile&layer=dead_click`,
    )
    expect(none.hotspots).toEqual([])
    expect(
      (await t.app.request(`/api/heatmap?site=demo&url=${encodeURIComponent(PAGE)}&layer=nope`, { headers: admin }))
        .status,
    ).toBe(400)
  })

  it('draws form struggles as a layer of their own, on their fields', async () => {
    const session = eventId('forms')
    await t.app.request(
      '/v1/collect',
      postInit(
        beaconOf(
          [
            { k: 'page', id: eventId(), t: Date.now() - 1000, u: PAGE, vw: 1280, vh: 800 },
            signal({
              u: PAGE,
              type: 'form_struggle',
              sel: 'input#postcode',
              lb: 'invalid-input[postal-code]',
              n: 3,
              why: 'invalid',
            }),
            signal({ u: PAGE, type: 'dead_click', sel: 'button#elsewhere' }),
          ],
          session,
        ),
      ),
    )
    await t.writer.flush()
    const { hotspots } = await get<{ hotspots: unknown[] }>(
      `/api/heatmap?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop&layer=form_struggle`,
    )
    expect(hotspots).toEqual([{ selector: 'input#postcode', clicks: 1, sessions: 1 }])
  })

  it('gives the share of views reaching each scroll band', async () => {
    const depth = (d: number): WireEvent => ({
      k: 'scroll',
      id: eventId('sc'),
      t: Date.now(),
      u: PAGE,
      d,
      dh: 1000,
      vw: 1280,
    })
    await t.app.request('/v1/collect', postInit(beaconOf([depth(1000), depth(500), depth(260), depth(100)])))
    await t.writer.flush()
    const { views, reached } = await get<{ views: number; reached: number[] }>(
      `/api/scroll?site=demo&url=${encodeURIComponent(PAGE)}&vc=desktop`,
    )
    expect(views).toBe(4)
    expect(reached.length).toBe(20)
    expect([reached[0], reached[5], reached[10], reached[19]]).toEqual([1, 0.75, 0.5, 0.25])
  })
})

describe('replay and session pages', () => {
  it('stores replay runs and serves them in order, and the pages a session saw', async () => {
    const session = eventId('rep')
    const now = Date.now()
    const { replay: rt } = (await (
      await t.app.request(`/v1/site?s=demo&u=${encodeURIComponent(PAGE)}&vw=1280&sid=${session}`, {
        headers: { origin: ORIGIN },
      })
    ).json()) as { replay: string }
    expect(rt).toMatch(/^\d+\.[\w-]+$/)
    for (const seq of [1, 0]) {
      const res = await t.app.request(
        '/v1/replay',
        postInit({
          v: 1,
          s: 'demo',
          sid: session,
          pv: 'pv1',
          seq,
          ev: [{ type: 3, timestamp: now + seq * 1000, data: { source: 2 } }],
          rt,
        }),
      )
      expect(res.status).toBe(202)
    }
    // A session the collector did not tell to record (no token, or another session's) is refused.
    for (const wrong of [{}, { rt: 'x' }, { rt }]) {
      const other = eventId('norec')
      const res = await t.app.request(
        '/v1/replay',
        postInit({
          v: 1,
          s: 'demo',
          sid: other,
          pv: 'pv1',
          seq: 0,
          ev: [{ type: 3, timestamp: now, data: { source: 2 } }],
          ...wrong,
        }),
      )
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: string }).error).toMatch(/^replay refused/)
    }
    const { runs } = await get<{ runs: Array<{ seq: number; events: unknown[] }> }>(
      `/api/sessions/${session}/replay?site=demo`,
    )
    expect(runs.map((r) => r.seq)).toEqual([0, 1])
    expect(runs[0]!.events).toEqual([{ type: 3, timestamp: now, data: { source: 2 } }])
    expect(
      (
        await t.app.request(
          '/v1/replay',
          postInit({ v: 1, s: 'demo', sid: session, pv: 'pv1', seq: 0, ev: [{ no: 'timestamp' }], rt }),
        )
      ).status,
    ).toBe(400)

    await t.app.request(
      '/v1/collect',
      postInit(beaconOf([{ k: 'page', id: eventId(), t: now, u: PAGE, vw: 1280, vh: 800 }], session)),
    )
    await t.writer.flush()
    const { pages, firstSeen } = await get<{ pages: Array<{ url: string }>; firstSeen: number }>(
      `/api/sessions/${session}/pages?site=demo`,
    )
    expect(pages.map((p) => p.url)).toEqual([PAGE])
    expect(firstSeen).toBe(now)
  })

  it('gives the overview: trend, struggling share and vitals', async () => {
    await t.app.request(
      '/v1/collect',
      postInit(
        beaconOf([
          { k: 'vital', id: eventId(), t: Date.now(), u: PAGE, name: 'LCP', v: 1800, sel: 'img.hero', vw: 1280 },
        ]),
      ),
    )
    await t.writer.flush()
    const o = await get<{
      trend: { bucketMs: number; points: unknown[] }
      vitals: Array<{ url: string; name: string; p75: number; element: string }>
    }>('/api/overview?site=demo')
    expect(o.trend.bucketMs).toBe(3600_000)
    expect(o.trend.points.length).toBeGreaterThan(0)
    expect(o.vitals).toEqual([{ url: PAGE, name: 'LCP', p75: 1800, samples: 1, element: 'img.hero' }])
  })
})

describe('hotspot sessions', () => {
  it('lists only sessions of the heatmap’s viewport class', async () => {
    const at = Date.now()
    const visit = (vw: number) =>
      beaconOf([
        { k: 'page', id: eventId('p'), t: at, u: PAGE, vw, vh: 800 },
        signal({ u: PAGE, sel: 'button#vc', type: 'dead_click', t: at + 1 }),
      ])
    const desktop = visit(1280)
    const phone = visit(390)
    await t.app.request('/v1/collect', postInit(desktop))
    await t.app.request('/v1/collect', postInit(phone))
    await t.writer.flush()
    const list = async (vc: string) =>
      (
        await get<{ sessions: Array<{ session: string }> }>(
          `/api/heatmap/sessions?site=demo&url=${encodeURIComponent(PAGE)}&vc=${vc}&selector=${encodeURIComponent('button#vc')}`,
        )
      ).sessions.map((s) => s.session)
    expect(await list('desktop')).toEqual([desktop.sid])
    expect(await list('mobile')).toEqual([phone.sid])
  })
})

describe('heatmap segments', () => {
  it('narrows clicks, signal layers, hotspot sessions and scroll to a browser and OS', async () => {
    const page = `${ORIGIN}/segmented`
    const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'
    const at = Date.now()
    const visit = (clicks: number, rage: boolean) =>
      beaconOf([
        { k: 'page', id: eventId('p'), t: at, u: page, vw: 1280, vh: 800 },
        ...Array.from({ length: clicks }, (_, i) => ({ ...click('button#seg', 0.5, 0.5), u: page, t: at + 10 + i })),
        ...(rage ? [signal({ u: page, sel: 'button#seg', type: 'rage_click', t: at + 50 })] : []),
        { k: 'scroll', id: eventId('sc'), t: at + 60, u: page, vw: 1280, d: 2000, dh: 2000 },
      ])
    const chrome = visit(3, true)
    const firefox = visit(2, false)
    expect((await t.app.request('/v1/collect', postInit(chrome))).status).toBe(202)
    expect((await t.app.request('/v1/collect', postInit(firefox, { 'user-agent': FIREFOX_WINDOWS }))).status).toBe(202)
    await t.writer.flush()
    const q = (extra: string, path = '/api/heatmap') =>
      `${path}?site=demo&url=${encodeURIComponent(page)}&vc=desktop${extra}`
    type Heat = {
      cells: Array<{ clicks: number; sessions: number }>
      hotspots: Array<{ selector: string; clicks: number; sessions: number }>
    }
    const spots = async (extra: string) => (await get<Heat>(q(extra))).hotspots
    expect(await spots('')).toEqual([{ selector: 'button#seg', clicks: 5, sessions: 2 }])
    expect(await spots('&browser=Firefox')).toEqual([{ selector: 'button#seg', clicks: 2, sessions: 1 }])
    expect(await spots('&os=Windows')).toEqual([{ selector: 'button#seg', clicks: 2, sessions: 1 }])
    expect(await spots('&browser=Chrome&os=Linux')).toEqual([{ selector: 'button#seg', clicks: 3, sessions: 1 }])
    expect(await spots('&browser=Chrome&os=Windows')).toEqual([])
    expect(await spots('&browser=Safari')).toEqual([])
    // A signal layer and the hotspot's sessions follow the same segment.
    expect((await get<Heat>(q('&layer=rage_click&browser=Chrome'))).hotspots).toEqual([
      { selector: 'button#seg', clicks: 1, sessions: 1 },
    ])
    expect((await get<Heat>(q('&layer=rage_click&browser=Firefox'))).hotspots).toEqual([])
    const sessions = async (extra: string) =>
      (
        await get<{ sessions: Array<{ session: string }> }>(
          q(`&selector=${encodeURIComponent('button#seg')}${extra}`, '/api/heatmap/sessions'),
        )
      ).sessions.map((s) => s.session)
    expect((await sessions('')).sort()).toEqual([chrome.sid, firefox.sid].sort())
    expect(await sessions('&os=Windows')).toEqual([firefox.sid])
    expect(await sessions('&browser=Chrome')).toEqual([chrome.sid])
    // Scroll depth per page view: only the Firefox one.
    expect((await get<{ views: number }>(q('', '/api/scroll'))).views).toBe(2)
    expect((await get<{ views: number }>(q('&browser=Firefox', '/api/scroll'))).views).toBe(1)
    // A family that is not one is named.
    const bad = await t.app.request(q('&browser=%3Cscript%3E'), { headers: admin })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/^browser: /)
  })
})
