import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit } from '../testing/beacons.ts'
import { fingerprint } from '../sites/redactSite.ts'
import { findAlertSession } from '../queries/findAlertSession.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
let agent: Record<string, string>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
  agent = {
    authorization: `Bearer ${(await t.tokens.create('agent', 'Sam')).token}`,
    'content-type': 'application/json',
  }
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' }
const ORIGIN = 'http://localhost:5173'
const SECRET = 'whsec-very-secret-0123456789'
const post = (path: string, body: unknown, headers = agent) =>
  t.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) })
const struggle = (): WireEvent => ({
  k: 'struggle',
  id: eventId('al'),
  t: Date.now(),
  u: `${ORIGIN}/checkout`,
  sc: 6.5,
  rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: Date.now(), n: 5, pts: 4 }],
})

describe('webhook secrets are write-only', () => {
  it('no role reads a secret back; a fingerprint shows which is set', async () => {
    const put = await t.app.request('/api/settings/sites/shop', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({
        origins: ['https://shop.example'],
        webhooks: [{ url: 'https://hooks.example/wince', secret: SECRET }],
      }),
    })
    expect(put.status).toBe(200)
    const putText = await put.text()
    expect(putText).not.toContain(SECRET)
    expect(putText).toContain(fingerprint(SECRET))
    // Every GET route of /api, as an agent and as the admin: the secret is in none of the answers.
    const gets = t.app.routes.filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/') && !r.path.endsWith('/stream'),
    )
    expect(gets.length).toBeGreaterThan(8)
    for (const headers of [agent, admin]) {
      for (const r of gets) {
        const path =
          r.path.replace(/:\w+(\{[^}]*\})?/g, 'x1') + '?site=shop&url=https%3A%2F%2Fshop.example%2F&selector=a'
        const text = await (await t.app.request(path, { headers })).text()
        expect(text, r.path).not.toContain(SECRET)
      }
    }
    const { sites } = (await (await t.app.request('/api/sites', { headers: agent })).json()) as {
      sites: Array<{ id: string; webhooks?: unknown }>
    }
    expect(sites.find((s) => s.id === 'shop')!.webhooks).toEqual([
      { url: 'https://hooks.example/wince', fingerprint: fingerprint(SECRET) },
    ])
    // The secret is still the one deliveries are signed with.
    expect(t.sites.get('shop')!.webhooks![0]!.secret).toBe(SECRET)
  })

  it('agents cannot reach the settings at all', async () => {
    expect((await t.app.request('/api/settings/tokens', { headers: agent })).status).toBe(403)
    expect((await post('/api/settings/tokens', { role: 'admin', name: 'me' })).status).toBe(403)
  })
})

describe('agents act only on what exists', () => {
  it('an alert action needs an existing alert of that session on an existing site', async () => {
    const session = eventId('lp')
    const alert = struggle()
    expect((await t.app.request('/v1/collect', postInit(beaconOf([alert], session)))).status).toBe(202)
    // Unknown alert, alert of another session, unknown site: 404, and nothing published.
    const published: string[] = []
    const off = t.bus.subscribe((m) => m.kind === 'alert-update' && published.push(m.id))
    for (const [path, body] of [
      [`/api/alerts/nope-${eventId()}/claim`, { site: 'demo', session }],
      [`/api/alerts/${alert.id}/claim`, { site: 'demo', session: 'someone-else' }],
      [`/api/alerts/${alert.id}/claim`, { site: 'nosuchsite', session }],
    ] as const) {
      const res = await post(path, body)
      expect(res.status, path).toBe(404)
    }
    expect(published).toEqual([])
    expect((await post(`/api/alerts/${alert.id}/claim`, { site: 'demo', session })).status).toBe(200)
    expect(published).toHaveLength(1)
    off()
    // Found in the store too, once this process has forgotten it (a restart, another instance).
    await t.writer.flush()
    expect(await findAlertSession(t.store.client, 'demo', alert.id)).toBe(session)
  })

  it('an offer needs a session that exists on that site', async () => {
    expect((await post(`/api/sessions/${eventId('ghost')}/offers`, { site: 'demo', message: 'Hello?' })).status).toBe(
      404,
    )
    const session = eventId('real')
    await t.app.request(
      '/v1/collect',
      postInit(beaconOf([{ k: 'page', id: eventId(), t: Date.now(), u: `${ORIGIN}/`, vw: 1280, vh: 800 }], session)),
    )
    await t.writer.flush()
    expect((await post(`/api/sessions/${session}/offers`, { site: 'nosuchsite', message: 'Hello?' })).status).toBe(404)
    expect((await post(`/api/sessions/${session}/offers`, { site: 'demo', message: 'Hello?' })).status).toBe(201)
  })
})

describe('answers are bound to offers', () => {
  const answer = (body: unknown) =>
    t.app.request('/v1/answer', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: JSON.stringify(body),
    })

  it('an answer must name an existing offer of that session', async () => {
    const session = eventId('ans')
    await t.app.request(
      '/v1/collect',
      postInit(beaconOf([{ k: 'page', id: eventId(), t: Date.now(), u: `${ORIGIN}/`, vw: 1280, vh: 800 }], session)),
    )
    await t.writer.flush()
    const { offer } = (await (
      await post(`/api/sessions/${session}/offers`, { site: 'demo', message: 'Need a hand?' })
    ).json()) as { offer: { id: string } }
    const answers: string[] = []
    const off = t.bus.subscribe((m) => m.kind === 'offer-answer' && answers.push(m.session))
    // A made-up offer, or a real one answered from another (stolen or guessed) session id: refused, not published.
    expect((await answer({ s: 'demo', sid: session, offerId: 'offer-madeup', answer: 'accepted' })).status).toBe(404)
    expect((await answer({ s: 'demo', sid: eventId('thief'), offerId: offer.id, answer: 'accepted' })).status).toBe(404)
    expect(answers).toEqual([])
    expect((await answer({ s: 'demo', sid: session, offerId: offer.id, answer: 'accepted' })).status).toBe(202)
    expect(answers).toEqual([session])
    off()
  })
})
