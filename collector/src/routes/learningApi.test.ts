import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reason, WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { eventId, postInit, signal } from '../testing/beacons.ts'
import type { LearningView } from '../learning/learningView.ts'
import type { Alert } from '../live/LiveBus.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
const ORIGIN = 'http://localhost:5173'
const PAGE = `${ORIGIN}/shop`
const json = { 'content-type': 'application/json' }
const admin = { authorization: `Bearer ${TEST_TOKEN}`, ...json }
let ana: Record<string, string>
let ben: Record<string, string>

const reason = (type: Reason['type'], sel: string, pts: number): Reason => ({
  type,
  sel,
  lb: 'div',
  t: Date.now(),
  n: 1,
  pts,
})
const struggle = (rs: Reason[]): WireEvent => ({
  k: 'struggle',
  id: eventId('a'),
  t: Date.now(),
  u: PAGE,
  sc: rs.reduce((s, r) => s + r.pts, 0),
  rs,
})

async function send(events: WireEvent[], session = eventId('s')) {
  const res = await t.app.request(
    '/v1/collect',
    postInit({ v: 1, s: 'shop', sid: session, pv: eventId('pv'), ev: events }),
  )
  expect(res.status).toBe(202)
  return session
}
async function call<T>(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  status = 200,
): Promise<T> {
  const res = await t.app.request(path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) })
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status)
  return (await res.json()) as T
}
const view = () => call<LearningView>('GET', '/api/learning?site=shop', admin)
const alerts = async () => (await call<{ alerts: Alert[] }>('GET', '/api/alerts?site=shop&from=0', admin)).alerts
const settle = () => new Promise((r) => setTimeout(r, 150))

beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
  await call('PUT', '/api/settings/sites/shop', admin, { origins: [ORIGIN], allowHeadless: true })
  ana = { authorization: `Bearer ${t.tokens.create('agent', 'Ana').token}`, ...json }
  ben = { authorization: `Bearer ${t.tokens.create('agent', 'Ben').token}`, ...json }
})
afterAll(() => t?.close())

describe('verdicts, proposals and suppression rules', () => {
  const stepper = [reason('rage_click', 'div.stepper', 6), reason('dead_click', 'div.stepper', 4)]
  let alertIds: string[] = []

  it('takes verdicts on alerts (by their main reason) and on issues, with who and when', async () => {
    for (let i = 0; i < 3; i++) await send([struggle(stepper)])
    await settle()
    alertIds = (await alerts()).map((a) => a.id)
    expect(alertIds).toHaveLength(3)
    const { verdict } = await call<{
      verdict: { issue: string; url: string; selector: string; type: string; by: string; reason: string }
    }>(
      'POST',
      '/api/verdicts',
      ana,
      { site: 'shop', alert: alertIds[0], verdict: 'not', reason: 'works_as_designed' },
      201,
    )
    expect(verdict).toMatchObject({
      url: '/shop',
      selector: 'div.stepper',
      type: 'rage_click',
      by: 'Ana',
      reason: 'works_as_designed',
    })
    expect((await alerts())[0]!.issue).toBe(verdict.issue)
    await call('POST', '/api/verdicts', ana, { site: 'shop', alert: alertIds[1], verdict: 'not' }, 201)
    // Two verdicts, one agent: no proposal yet.
    expect((await view()).proposals.suppress).toEqual([])
    // On the issue row, the same problem (a trailing slash is the same path).
    await call(
      'POST',
      '/api/verdicts',
      ben,
      {
        site: 'shop',
        issue: { url: `${PAGE}/`, selector: 'div.stepper', type: 'rage_click' },
        verdict: 'not',
        reason: 'visitor_was_fine',
      },
      201,
    )
    const [p, ...rest] = (await view()).proposals.suppress
    expect(rest).toEqual([])
    expect(p).toMatchObject({
      id: verdict.issue,
      spec: { url: '/shop', selector: 'div.stepper', type: 'rage_click' },
      agents: ['Ana', 'Ben'],
    })
    expect(p!.verdicts.map((v) => [v.by, v.reason])).toEqual([
      ['Ana', 'works_as_designed'],
      ['Ana', ''],
      ['Ben', 'visitor_was_fine'],
    ])
  })

  it('refuses bad verdicts clearly, and browser posts from other origins', async () => {
    const bad = await t.app.request('/api/verdicts', {
      method: 'POST',
      headers: ana,
      body: JSON.stringify({ site: 'shop', alert: 'nope', verdict: 'maybe' }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('verdict')
    await call('POST', '/api/verdicts', ana, { site: 'shop', alert: 'no-such-alert', verdict: 'not' }, 404)
    await call('POST', '/api/verdicts', ana, { site: 'shop', verdict: 'not' }, 400)
    // An alert of another site is not this site's.
    await call('POST', '/api/verdicts', ana, { site: 'demo', alert: alertIds[0], verdict: 'not' }, 404)
    const long = await t.app.request('/api/verdicts', {
      method: 'POST',
      headers: ana,
      body: JSON.stringify({
        site: 'shop',
        issue: { url: '/x', selector: 'a'.repeat(5000), type: 'rage_click' },
        verdict: 'not',
      }),
    })
    expect(long.status).toBe(400)
    await call('POST', '/api/rules/..%2F..%2Fetc/apply', admin, { site: 'shop' }, 400)
    // A page of another site riding on an agent's dashboard session (a cookie, no Bearer header).
    const csrf = await t.app.request('/api/verdicts', {
      method: 'POST',
      headers: { ...json, cookie: 'wince_session=x', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ site: 'shop', alert: alertIds[0], verdict: 'real' }),
    })
    expect(csrf.status).toBe(403)
  })

  it('lets only an admin apply; the rule reaches /v1/site of that page, flags signals and holds their alerts', async () => {
    const id = (await view()).proposals.suppress[0]!.id
    await call('POST', `/api/rules/${id}/apply`, ana, { site: 'shop' }, 403)
    const { rule } = await call<{ rule: { status: string; by: string; why: string } }>(
      'POST',
      `/api/rules/${id}/apply`,
      admin,
      { site: 'shop', why: 'the quantity stepper answers every click' },
    )
    expect(rule).toMatchObject({ status: 'applied', by: 'admin', why: 'the quantity stepper answers every click' })
    expect((await view()).proposals.suppress).toEqual([])

    const site = await call<{ rules?: unknown }>('GET', `/v1/site?s=shop&u=${encodeURIComponent(PAGE)}&vw=1280`, {
      origin: ORIGIN,
    })
    expect(site.rules).toEqual([{ sel: 'div.stepper', type: 'rage_click' }])
    expect(
      (
        await call<{ rules?: unknown }>('GET', `/v1/site?s=shop&u=${encodeURIComponent(`${ORIGIN}/other`)}&vw=1280`, {
          origin: ORIGIN,
        })
      ).rules,
    ).toBeUndefined()

    // An old snippet still scores the stepper: its struggle is stored, flagged, and does not alert.
    const before = (await alerts()).length
    const session = await send([
      signal({ u: PAGE, type: 'rage_click', sel: 'div.stepper' }),
      signal({ u: PAGE, type: 'dead_click', sel: 'div.stepper' }),
      struggle(stepper),
    ])
    // A real dead button on the same page still alerts, and says what was taken off.
    await send([
      struggle([
        reason('dead_click', 'button#pay', 4),
        reason('rage_click', 'button#pay', 6),
        reason('rage_click', 'div.stepper', 6),
      ]),
    ])
    await settle()
    const now = await alerts()
    expect(now.length).toBe(before + 1)
    expect(now[0]!.reasons[0]!.sel).toBe('button#pay')
    expect(now[0]!.explain).toMatchObject({ threshold: 8, rules: [id], pageRules: [id], kept: 10, tunedBy: [] })
    expect(t.stats.alertsSuppressed).toBe(1)
    const { signals } = await call<{ signals: Array<{ type: string; suppressed: string }> }>(
      'GET',
      `/api/signals?site=shop&from=0&session=${session}`,
      admin,
    )
    expect(signals.map((s) => [s.type, s.suppressed])).toEqual(
      expect.arrayContaining([
        ['rage_click', id],
        ['dead_click', ''],
      ]),
    )
    const shown = (await view()).rules.find((r) => r.id === id)!
    expect([shown.suppressedSignals, shown.suppressedAlerts]).toEqual([1, 1])
  })

  it('reverts: alerts come back, and the issue is proposed again only from newer verdicts', async () => {
    const id = (await view()).rules[0]!.id
    await call('POST', `/api/rules/${id}/revert`, ben, { site: 'shop' }, 403)
    await call('POST', `/api/rules/${id}/revert`, admin, { site: 'shop', why: 'the stepper broke in the last release' })
    expect(
      (
        await call<{ rules?: unknown }>('GET', `/v1/site?s=shop&u=${encodeURIComponent(PAGE)}&vw=1280`, {
          origin: ORIGIN,
        })
      ).rules,
    ).toBeUndefined()
    const before = (await alerts()).length
    await send([struggle(stepper)])
    await settle()
    expect((await alerts()).length).toBe(before + 1)
    const v = await view()
    expect(v.rules[0]).toMatchObject({ status: 'reverted', why: 'the stepper broke in the last release' })
    expect(v.proposals.suppress).toEqual([])
    await call('POST', `/api/rules/${id}/apply`, admin, { site: 'shop' }, 404)
  })
})
