import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { redisBroker } from '../broker/Broker.ts'
import { startRedis } from '../testing/redisServer.ts'
import { readConfig } from '../config.ts'
import { IngestStats } from '../ingest/state/IngestStats.ts'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit } from '../testing/beacons.ts'
import { readEvents } from '../testing/readEvents.ts'
import { sign } from '../webhooks/WebhookSender.ts'
import type { WireEvent } from '@wince/snippet/wire'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
const ORIGIN = 'http://localhost:5173'
const struggle = (): WireEvent => ({
  k: 'struggle',
  id: eventId('al'),
  t: Date.now(),
  u: `${ORIGIN}/checkout`,
  sc: 6.5,
  rs: [{ type: 'rage_click', sel: 'button#place-order', lb: 'button', t: Date.now(), n: 5, pts: 4 }],
})
const json = (body: unknown) => ({
  method: 'POST',
  headers: { ...admin, 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('alert lifecycle', () => {
  it('claims, resolves and dismisses alerts, live on the stream and kept in the store', async () => {
    const session = eventId('life')
    const alert = struggle()
    const stream = await t.app.request('/api/alerts/stream?site=demo', { headers: admin })
    const reading = readEvents(stream, (ev) => ev.filter((e) => e.event === 'alert-update').length >= 2)
    await t.app.request('/v1/collect', postInit(beaconOf([alert], session)))
    const claim = await t.app.request(`/api/alerts/${alert.id}/claim`, json({ site: 'demo', session }))
    expect(claim.status).toBe(200)
    expect(await claim.json()).toMatchObject({ alertId: alert.id, state: 'claimed', by: 'admin' })
    await t.app.request(`/api/alerts/${alert.id}/dismiss`, json({ site: 'demo', session, note: 'a test click' }))
    const events = await reading
    expect(events.map((e) => e.event)).toEqual(['ready', 'alert', 'alert-update', 'alert-update'])
    expect(JSON.parse(events[3]!.data)).toMatchObject({
      alertId: alert.id,
      state: 'dismissed',
      note: 'a test click',
      session,
    })

    await t.writer.flush()
    const { alerts } = (await (await t.app.request('/api/alerts?site=demo', { headers: admin })).json()) as {
      alerts: Array<{ id: string; state: string; stateBy: string }>
    }
    expect(alerts.find((a) => a.id === alert.id)).toMatchObject({ state: 'dismissed', stateBy: 'admin' })
  })

  it('refuses unknown actions and bad bodies', async () => {
    expect((await t.app.request('/api/alerts/x/explode', json({ site: 'demo', session: 's' }))).status).toBe(404)
    const bad = await t.app.request('/api/alerts/x/claim', json({ site: 'demo' }))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/^session: /)
  })
})

describe('offers', () => {
  it('reaches the visitor channel, and the answer reaches the agents', async () => {
    const session = eventId('offer')
    // Offers go to sessions that exist: this one viewed a page.
    await t.app.request(
      '/v1/collect',
      postInit(
        beaconOf([{ k: 'page', id: eventId(), t: Date.now(), u: `${ORIGIN}/checkout`, vw: 1280, vh: 800 }], session),
      ),
    )
    await t.writer.flush()
    const visitor = await t.app.request(`/v1/live?s=demo&sid=${session}`, { headers: { origin: ORIGIN } })
    expect(visitor.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const visitorReading = readEvents(visitor, (ev) => ev.some((e) => e.event === 'offer'))
    const agents = await t.app.request('/api/alerts/stream?site=demo', { headers: admin })
    const agentReading = readEvents(agents, (ev) => ev.some((e) => e.event === 'offer-answer'))

    const made = await t.app.request(
      `/api/sessions/${session}/offers`,
      json({ site: 'demo', message: 'Can I help you place your order?', link: 'https://help.example/orders' }),
    )
    expect(made.status).toBe(201)
    const { offer } = (await made.json()) as { offer: { id: string } }
    const seen = await visitorReading
    expect(JSON.parse(seen.find((e) => e.event === 'offer')!.data)).toMatchObject({
      id: offer.id,
      message: 'Can I help you place your order?',
      link: 'https://help.example/orders',
      session,
    })

    const answer = await t.app.request('/v1/answer', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: JSON.stringify({ s: 'demo', sid: session, offerId: offer.id, answer: 'accepted' }),
    })
    expect(answer.status).toBe(202)
    const agentSeen = await agentReading
    expect(JSON.parse(agentSeen.find((e) => e.event === 'offer-answer')!.data)).toMatchObject({
      offerId: offer.id,
      answer: 'accepted',
      session,
    })
  })

  it('refuses a visitor channel from a foreign origin', async () => {
    expect(
      (await t.app.request('/v1/live?s=demo&sid=abc', { headers: { origin: 'https://evil.example' } })).status,
    ).toBe(403)
    expect(
      (
        await t.app.request('/v1/answer', {
          method: 'POST',
          headers: { origin: 'https://evil.example' },
          body: JSON.stringify({ s: 'demo', sid: 'a', offerId: 'b', answer: 'accepted' }),
        })
      ).status,
    ).toBe(403)
  })
})

describe('two collector instances, one store and one Redis', () => {
  it('an alert ingested on one reaches a dashboard stream on the other, and an offer goes the other way', async () => {
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
      const session = eventId('multi')
      const alert = struggle()
      const onB = readEvents(await b.request('/api/alerts/stream?site=demo', { headers: admin }), (ev) =>
        ev.some((e) => e.event === 'alert'),
      )
      const started = Date.now()
      expect((await a.request('/v1/collect', postInit(beaconOf([alert], session)))).status).toBe(202)
      const events = await onB
      expect(JSON.parse(events.find((e) => e.event === 'alert')!.data)).toMatchObject({ id: alert.id, session })
      expect(Date.now() - started).toBeLessThan(1000)
      // The visitor's help request may reach the other collector: it knows the alert from the bus.
      const help = await b.request('/v1/help', {
        method: 'POST',
        headers: { origin: ORIGIN },
        body: JSON.stringify({ s: 'demo', sid: session, alert: alert.id }),
      })
      expect(help.status).toBe(202)

      const visitorOnA = readEvents(
        await a.request(`/v1/live?s=demo&sid=${session}`, { headers: { origin: ORIGIN } }),
        (ev) => ev.some((e) => e.event === 'offer'),
      )
      await b.request(`/api/sessions/${session}/offers`, json({ site: 'demo', message: 'Need a hand?' }))
      expect((await visitorOnA).some((e) => e.event === 'offer')).toBe(true)
    } finally {
      await brokerA.close()
      await brokerB.close()
      await redis.stop()
    }
  })
})

describe('webhooks', () => {
  it('delivers alerts signed, retrying after a first failure, and shows the deliveries', async () => {
    const received: Array<{ body: string; signature: string | undefined }> = []
    let calls = 0
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d))
      req.on('end', () => {
        if (++calls === 1) return void res.writeHead(503).end('busy')
        received.push({ body, signature: req.headers['x-wince-signature'] as string | undefined })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const port = (receiver.address() as { port: number }).port
    const secret = 'a-webhook-secret-of-some-length'
    try {
      await t.sites.put({
        id: 'hooked',
        origins: [ORIGIN],
        webhooks: [{ url: `http://127.0.0.1:${port}/hook`, secret }],
      })
      const alert = struggle()
      await t.app.request('/v1/collect', postInit({ ...beaconOf([alert]), s: 'hooked' }))
      for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
      expect(calls).toBe(2)
      expect(received).toHaveLength(1)
      const { body, signature } = received[0]!
      expect(signature).toBe(`sha256=${sign(secret, body)}`)
      expect(JSON.parse(body)).toMatchObject({
        text: 'Visitor struggling on /checkout: rage click ×5 on button#place-order (score 6.5)',
        alert: { id: alert.id, site: 'hooked' },
      })
      let deliveries: Array<{ state: string; attempts: number }> = []
      for (let i = 0; i < 50 && deliveries[0]?.state !== 'delivered'; i++) {
        deliveries = (
          (await (await t.app.request('/api/webhooks/deliveries?site=hooked', { headers: admin })).json()) as {
            deliveries: typeof deliveries
          }
        ).deliveries
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(deliveries).toEqual([expect.objectContaining({ state: 'delivered', attempts: 2, status: 204 })])
    } finally {
      receiver.close()
    }
  })
})
