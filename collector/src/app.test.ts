import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Beacon } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN, uid } from './testing/testApp.ts'
import type { Alert } from './live/LiveBus.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const ORIGIN = 'http://localhost:5173'
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'
const auth = { authorization: `Bearer ${TEST_TOKEN}` }

function post(body: unknown, headers: Record<string, string> = { origin: ORIGIN }) {
  return t.app.request('/v1/collect', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function beacon(session: string, now = Date.now()): Beacon {
  return {
    v: 1,
    s: 'demo',
    sid: session,
    pv: uid('pv'),
    ev: [
      { k: 'page', id: uid(), t: now - 5000, u: 'http://localhost:5173/shop', vw: 1280, vh: 800 },
      {
        k: 'signal',
        id: uid(),
        t: now - 2000,
        u: 'http://localhost:5173/shop',
        type: 'rage_click',
        sel: 'button#buy',
        lb: 'button',
        x: 10,
        y: 20,
        n: 4,
        ms: 900,
        why: 'no-response',
      },
      {
        k: 'signal',
        id: uid(),
        t: now - 1000,
        u: 'http://localhost:5173/shop',
        type: 'dead_click',
        sel: 'button#buy',
        lb: 'button',
        x: 11,
        y: 21,
        n: 1,
        ms: 1500,
        why: 'no-response',
      },
    ],
  }
}

describe('POST /v1/collect', () => {
  it('stores a valid beacon and /api/signals returns it as the contract says', async () => {
    const res = await post(beacon('sess-valid'))
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ accepted: 3, rejected: [] })
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    await t.writer.flush()

    const api = await t.app.request('/api/signals?site=demo&session=sess-valid', { headers: auth })
    expect(api.status).toBe(200)
    const { signals } = (await api.json()) as { signals: Array<Record<string, unknown>> }
    expect(signals.map((s) => [s.type, s.selector, s.x, s.y, s.session, s.url])).toEqual([
      ['rage_click', 'button#buy', 10, 20, 'sess-valid', 'http://localhost:5173/shop'],
      ['dead_click', 'button#buy', 11, 21, 'sess-valid', 'http://localhost:5173/shop'],
    ])
    expect(typeof signals[0]!.ts).toBe('number')
    expect(Math.abs((signals[0]!.ts as number) - Date.now())).toBeLessThan(60_000)
  })

  it('filters by type and time range', async () => {
    const now = Date.now()
    await post(beacon('sess-filter', now))
    await t.writer.flush()
    const byType = await t.app.request('/api/signals?site=demo&session=sess-filter&type=dead_click', { headers: auth })
    expect(((await byType.json()) as { signals: unknown[] }).signals).toHaveLength(1)
    const before = await t.app.request(`/api/signals?site=demo&session=sess-filter&to=${now - 1500}`, { headers: auth })
    expect(((await before.json()) as { signals: Array<{ type: string }> }).signals.map((s) => s.type)).toEqual([
      'rage_click',
    ])
  })

  it('keeps the valid events of a batch and reports the invalid ones', async () => {
    const b = beacon('sess-mixed') as unknown as { ev: unknown[] }
    b.ev.push({ k: 'signal', id: 'bad', t: 'yesterday' }, { k: 'nope' })
    const res = await post(b)
    expect(res.status).toBe(202)
    const body = (await res.json()) as { accepted: number; rejected: Array<{ index: number; reason: string }> }
    expect(body.accepted).toBe(3)
    expect(body.rejected.map((r) => r.index)).toEqual([3, 4])
    expect(body.rejected[0]!.reason).toMatch(/^ev\.3\.t: /)
  })

  it('answers 400 with a reason to invalid beacons', async () => {
    const notJson = await post('{"v":1,')
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toEqual({ error: 'body is not valid JSON' })

    const version = await post({ ...beacon('s'), v: 9 })
    expect(version.status).toBe(400)
    expect(((await version.json()) as { error: string }).error).toMatch(/unknown wire version 9/)

    const noSession = await post({ ...beacon('s'), sid: '' })
    expect(noSession.status).toBe(400)
    expect(((await noSession.json()) as { error: string }).error).toMatch(/^sid: /)

    const allBad = await post({ ...beacon('s'), ev: [{ k: 'signal' }] })
    expect(allBad.status).toBe(400)
    expect(((await allBad.json()) as { error: string }).error).toBe('no valid event in beacon')
  })

  it('refuses unknown sites and foreign origins with 403', async () => {
    expect((await post({ ...beacon('s'), s: 'nosuchsite' })).status).toBe(403)
    expect((await post(beacon('s'), { origin: 'https://evil.example' })).status).toBe(403)
    expect((await post(beacon('s'), {})).status).toBe(403)
  })

  it('answers 413 to a body over the limit', async () => {
    const res = await post('x'.repeat(70 * 1024))
    expect(res.status).toBe(413)
  })

  it('publishes a struggle alert on the live bus before the store write', async () => {
    const seen: Alert[] = []
    let pendingAtPublish = -1
    const off = t.bus.subscribe((m) => {
      if (m.kind !== 'alert') return
      seen.push(m.data)
      pendingAtPublish = t.writer.pending
    })
    const now = Date.now()
    const b: Beacon = {
      v: 1,
      s: 'demo',
      sid: 'sess-alert',
      pv: 'pv1',
      ev: [
        {
          k: 'struggle',
          id: uid('al'),
          t: now,
          u: 'http://localhost:5173/shop',
          sc: 6.5,
          rs: [{ type: 'rage_click', sel: 'button#buy', lb: 'button', t: now, n: 4, pts: 4 }],
        },
      ],
    }
    const pending = t.writer.pending
    await post(b)
    off()
    expect(seen.map((a) => [a.session, a.score, a.reasons[0]?.type])).toEqual([['sess-alert', 6.5, 'rage_click']])
    // Published before its row was even queued for the store.
    expect(pendingAtPublish).toBe(pending)
    await t.writer.flush()
    const res = await t.app.request('/api/alerts?site=demo', { headers: auth })
    const { alerts } = (await res.json()) as { alerts: Alert[] }
    expect(alerts.find((a) => a.session === 'sess-alert')?.reasons).toEqual(
      b.ev[0]!.k === 'struggle' ? b.ev[0]!.rs : [],
    )
  })
})

describe('auth', () => {
  it('answers 401 without a token or with a wrong one', async () => {
    expect((await t.app.request('/api/signals?site=demo')).status).toBe(401)
    expect((await t.app.request('/api/signals?site=demo', { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    )
    expect((await t.app.request('/api/alerts/stream')).status).toBe(401)
  })

  it('sends the dashboard to the login page until the token link logs in', async () => {
    const anon = await t.app.request('/')
    expect(anon.status).toBe(302)
    expect(anon.headers.get('location')).toBe('/login')
    const login = await t.app.request(`/?token=${TEST_TOKEN}`)
    expect(login.status).toBe(302)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const api = await t.app.request('/api/sites', { headers: { cookie } })
    expect(api.status).toBe(200)
    expect(await api.json()).toEqual({
      sites: [
        { id: 'demo', origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'], allowHeadless: true },
      ],
    })
    expect((await t.app.request('/?token=wrong')).status).toBe(401)
  })
})

describe('friction', () => {
  it('ranks pages and elements by signal count', async () => {
    const now = Date.now()
    await post({ ...beacon('sess-f1', now), s: 'demo' })
    await t.writer.flush()
    const res = await t.app.request('/api/friction?site=demo', { headers: auth })
    const body = (await res.json()) as {
      pages: Array<{ url: string; signals: number; byType: Record<string, number> }>
      elements: Array<{ selector: string; signals: number }>
    }
    expect(body.pages[0]!.url).toBe('http://localhost:5173/shop')
    expect(body.pages[0]!.byType.rage_click).toBe(body.pages[0]!.byType.dead_click)
    expect(body.elements[0]!.selector).toBe('button#buy')
    expect(body.elements[0]!.signals).toBe(body.pages[0]!.signals)
  })
})
