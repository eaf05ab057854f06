import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WireEvent } from '@wince/snippet/wire'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit } from '../testing/beacons.ts'
import { readEvents } from '../testing/readEvents.ts'
import { issueId } from '../issues/issueId.ts'
import { createApp } from '../app.ts'
import { readConfig } from '../config.ts'
import { redisBroker } from '../broker/Broker.ts'
import { startRedis } from '../testing/redisServer.ts'
import { IngestStats } from '../ingest/state/IngestStats.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
const ORIGIN = 'http://localhost:5173'
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36'
const json = (body: unknown, headers: Record<string, string> = admin) => ({
  method: 'POST',
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const page = (url: string, t = Date.now()): WireEvent => ({ k: 'page', id: eventId('pg'), t, u: url, vw: 390, vh: 844 })
const struggle = (
  sel = 'button#pay',
  type: 'rage_click' | 'error_click' = 'error_click',
  url = `${ORIGIN}/checkout`,
): Extract<WireEvent, { k: 'struggle' }> => ({
  k: 'struggle',
  id: eventId('al'),
  t: Date.now(),
  u: url,
  sc: 9,
  rs: [
    { type, sel, lb: 'button', t: Date.now(), n: 5, pts: 6 },
    { type: 'dead_click', sel: 'a#other', lb: 'a', t: Date.now(), n: 1, pts: 3 },
  ],
})
const askHelp = (session: string, alert: string, s = 'demo') =>
  t.app.request('/v1/help', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'text/plain' },
    body: JSON.stringify({ s, sid: session, alert }),
  })
const listAlerts = async () =>
  (
    (await (await t.app.request('/api/alerts?site=demo', { headers: admin })).json()) as {
      alerts: Array<Record<string, unknown>>
    }
  ).alerts

describe('alert context', () => {
  it('carries issue, device, browser, os, language and the session trail, live and stored', async () => {
    const session = eventId('ctx')
    const started = Date.now() - 180_000
    const stream = await t.app.request('/api/alerts/stream?site=demo', { headers: admin })
    const reading = readEvents(stream, (ev) => ev.some((e) => e.event === 'alert'))
    // One beacon per page view (its `pv`), as the snippet sends them; a re-sent page event counts once.
    for (const p of [page(`${ORIGIN}/`, started), page(`${ORIGIN}/basket`, started + 60_000)]) {
      const beacon = beaconOf([p], session)
      await t.app.request('/v1/collect', postInit(beacon, { 'user-agent': PHONE_UA }))
      await t.app.request(
        '/v1/collect',
        postInit({ ...beacon, ev: [{ ...p, id: eventId('again') }] }, { 'user-agent': PHONE_UA }),
      )
    }
    const alert = struggle()
    await t.app.request(
      '/v1/collect',
      postInit(beaconOf([page(`${ORIGIN}/checkout`), alert], session), {
        'user-agent': PHONE_UA,
        'accept-language': 'de-CH,de;q=0.9,en;q=0.8',
      }),
    )
    const live = JSON.parse((await reading).find((e) => e.event === 'alert')!.data)
    const expected = {
      id: alert.id,
      issue: issueId('demo', '/checkout', 'button#pay', 'error_click'),
      device: 'mobile',
      browser: 'Chrome',
      os: 'Android',
      lang: 'de-CH',
      entry: `${ORIGIN}/`,
      pages: 3,
      startedAt: started,
    }
    expect(live).toMatchObject(expected)
    await t.writer.flush()
    expect((await listAlerts()).find((a) => a.id === alert.id)).toMatchObject(expected)
  })

  it('gives alerts on the same page, element and main signal type one issue, and others another', async () => {
    const same = [struggle(), struggle('button#pay', 'error_click', `${ORIGIN}/checkout/`)]
    const other = [
      struggle('button#pay', 'rage_click'),
      struggle('button#other'),
      struggle('button#pay', 'error_click', `${ORIGIN}/basket`),
    ]
    for (const e of [...same, ...other]) await t.app.request('/v1/collect', postInit(beaconOf([e])))
    await t.writer.flush()
    const byId = new Map((await listAlerts()).map((a) => [a.id, a.issue]))
    expect(byId.get(same[0]!.id)).toBe(byId.get(same[1]!.id))
    expect(new Set([byId.get(same[0]!.id), ...other.map((e) => byId.get(e.id))]).size).toBe(4)
  })
})

describe('help requests', () => {
  it('reach the agents at once, are listed with help and helpAt, and say how many agents watch', async () => {
    const session = eventId('help')
    const alert = struggle()
    await t.app.request('/v1/collect', postInit(beaconOf([alert], session)))
    // No agent watching yet: the page is told so (it shows the fallback).
    const alone = await askHelp(session, alert.id)
    expect(alone.status).toBe(202)
    expect(await alone.json()).toMatchObject({ agents: 0, wait: 60 })

    const session2 = eventId('help')
    const alert2 = struggle()
    await t.app.request('/v1/collect', postInit(beaconOf([alert2], session2)))
    const stream = await t.app.request('/api/alerts/stream?site=demo', { headers: admin })
    const reading = readEvents(stream, (ev) => ev.some((e) => e.event === 'help'))
    await new Promise((r) => setTimeout(r, 50))
    const asked = Date.now()
    const res = await askHelp(session2, alert2.id)
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(await res.json()).toMatchObject({ agents: 1, wait: 60 })
    const help = JSON.parse((await reading).find((e) => e.event === 'help')!.data)
    expect(help).toMatchObject({
      id: alert2.id,
      session: session2,
      help: 'requested',
      issue: expect.any(String),
      reasons: alert2.rs,
    })
    expect(help.helpAt).toBeGreaterThanOrEqual(asked)
    expect(Date.now() - asked).toBeLessThan(1000)

    // Pressing again changes nothing.
    expect(((await (await askHelp(session2, alert2.id)).json()) as { helpAt: number }).helpAt).toBe(help.helpAt)
    await t.writer.flush()
    const listed = await listAlerts()
    expect(listed.find((a) => a.id === alert2.id)).toMatchObject({ help: 'requested', helpAt: help.helpAt })
    expect(listed.find((a) => a.id === alert.id)).toMatchObject({ help: 'requested' })
    expect(listed.filter((a) => a.help === 'requested').length).toBe(2)
  })

  it('refuses an alert of another session, unknown alerts, bad bodies and foreign origins', async () => {
    const alert = struggle()
    await t.app.request('/v1/collect', postInit(beaconOf([alert], 'owner-session')))
    expect((await askHelp('someone-else', alert.id)).status).toBe(404)
    expect((await askHelp('owner-session', 'no-such-alert')).status).toBe(404)
    const bad = await t.app.request('/v1/help', {
      method: 'POST',
      headers: { origin: ORIGIN },
      body: '{"s":"demo","sid":"a b"}',
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/^sid: /)
    expect(
      (await t.app.request('/v1/help', { method: 'POST', headers: { origin: ORIGIN }, body: 'x'.repeat(5000) })).status,
    ).toBe(413)
    expect(
      (
        await t.app.request('/v1/help', {
          method: 'POST',
          headers: { origin: 'https://evil.example' },
          body: JSON.stringify({ s: 'demo', sid: 'owner-session', alert: alert.id }),
        })
      ).status,
    ).toBe(403)
  })
})

describe('agents are people', () => {
  it("shows the visitor the agent's display name and colour on a claim, the team name for the admin token, never a token name", async () => {
    const made = await t.app.request(
      '/api/settings/tokens',
      json({ role: 'agent', name: 'laptop-3 token', displayName: 'Maria', color: '#aa3366' }),
    )
    expect(made.status).toBe(201)
    const { token } = (await made.json()) as { token: string }
    const maria = { authorization: `Bearer ${token}` }
    expect((await t.app.request('/api/settings/tokens', json({ role: 'agent', name: 'x', color: 'red' }))).status).toBe(
      400,
    )
    expect(
      (await t.app.request('/api/settings/tokens', json({ role: 'agent', name: 'x', displayName: '<b>' }))).status,
    ).toBe(400)

    const session = eventId('people')
    const alert = struggle()
    await t.app.request('/v1/collect', postInit(beaconOf([alert], session)))
    const visitor = await t.app.request(`/v1/live?s=demo&sid=${session}`, { headers: { origin: ORIGIN } })
    const seen = readEvents(
      visitor,
      (ev) => ev.filter((e) => e.event === 'agent-joined').length >= 2 && ev.some((e) => e.event === 'offer'),
    )
    await new Promise((r) => setTimeout(r, 50))
    expect(
      (
        await t.app.request(
          `/api/alerts/${alert.id}/claim`,
          json({ site: 'demo', session, note: 'internal note' }, maria),
        )
      ).status,
    ).toBe(200)
    expect((await t.app.request(`/api/alerts/${alert.id}/claim`, json({ site: 'demo', session }))).status).toBe(200)
    expect(
      (await t.app.request(`/api/sessions/${session}/offers`, json({ site: 'demo', message: 'Hi!' }, maria))).status,
    ).toBe(201)
    const events = await seen
    const joined = events.filter((e) => e.event === 'agent-joined').map((e) => JSON.parse(e.data))
    expect(joined[0]).toMatchObject({ alertId: alert.id, name: 'Maria', color: '#aa3366' })
    expect(joined[1]).toMatchObject({ name: 'Our support team' })
    expect(JSON.parse(events.find((e) => e.event === 'offer')!.data)).toMatchObject({ by: 'Maria' })
    const all = events.map((e) => e.data).join('\n')
    expect(all).not.toContain('laptop-3 token')
    expect(all).not.toContain('internal note')
    expect(events.some((e) => e.event === 'alert-update')).toBe(false)
  })
})

describe('presence across collectors', () => {
  it('counts an agent connected to another collector sharing the store, and forgets them when they leave', async () => {
    const redis = await startRedis()
    const brokerA = await redisBroker(redis.url)
    const brokerB = await redisBroker(redis.url)
    const [busA, busB] = [brokerA.bus, brokerB.bus]
    const deps = {
      client: t.store.client,
      writer: t.writer,
      sites: t.sites,
      tokens: t.tokens,
      token: TEST_TOKEN,
      stats: new IngestStats(),
      dirs: readConfig({}).dirs,
    }
    const a = createApp({ ...deps, bus: busA })
    const b = createApp({ ...deps, bus: busB })
    try {
      const ask = async () => {
        const session = eventId('multi')
        const alert = struggle()
        await a.request('/v1/collect', postInit(beaconOf([alert], session)))
        const res = await a.request('/v1/help', {
          method: 'POST',
          headers: { origin: ORIGIN },
          body: JSON.stringify({ s: 'demo', sid: session, alert: alert.id }),
        })
        return ((await res.json()) as { agents: number }).agents
      }
      expect(await ask()).toBe(0)
      const controller = new AbortController()
      const stream = await b.request('/api/alerts/stream?site=demo', { headers: admin, signal: controller.signal })
      const reader = stream.body!.getReader()
      await reader.read()
      // Shared through Redis: pushed at once, but give a loaded machine time.
      const settles = async (want: number) => {
        const deadline = Date.now() + 5_000
        let got = await ask()
        while (got !== want && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100))
          got = await ask()
        }
        return got
      }
      expect(await settles(1)).toBe(1)
      await reader.cancel()
      controller.abort()
      expect(await settles(0)).toBe(0)
    } finally {
      await brokerA.close()
      await brokerB.close()
      await redis.stop()
    }
  })
})
