import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { beaconOf, postInit, signal } from '../testing/beacons.ts'
import { fingerprint } from '../sites/redactSite.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' }
const call = (method: string, path: string, body?: unknown) =>
  t.app.request(path, { method, headers: admin, ...(body !== undefined && { body: JSON.stringify(body) }) })
const SECRET = 'a-secret-of-16-characters'
const HELP = { enabled: true, title: 'Stuck?', text: 'We can help.', action: 'agent', label: 'Get help' }

describe('site settings', () => {
  it('PATCH merges, PUT replaces, GET reads one — and secrets never come back', async () => {
    expect(
      (
        await call('PUT', '/api/settings/sites/shop', {
          origins: ['https://shop.example'],
          help: HELP,
          webhooks: [{ url: 'https://hooks.example/w', secret: SECRET }],
        })
      ).status,
    ).toBe(200)
    const patched = await call('PATCH', '/api/settings/sites/shop', {
      goals: [{ name: 'purchase', url: '/thanks*' }],
      help: { title: 'Need a hand?' },
    })
    expect(patched.status).toBe(200)
    const { site } = (await (await call('GET', '/api/settings/sites/shop')).json()) as { site: Record<string, unknown> }
    expect(site).toEqual({
      id: 'shop',
      origins: ['https://shop.example'],
      help: { ...HELP, title: 'Need a hand?' },
      goals: [{ name: 'purchase', url: '/thanks*' }],
      webhooks: [{ url: 'https://hooks.example/w', fingerprint: fingerprint(SECRET) }],
    })
    expect(JSON.stringify(site)).not.toContain(SECRET)
    // The secret is kept when a form sends the webhook back without it.
    expect(t.sites.get('shop')!.webhooks![0]!.secret).toBe(SECRET)
    // `null` removes a setting.
    await call('PATCH', '/api/settings/sites/shop', { help: null })
    expect(t.sites.get('shop')!.help).toBeUndefined()
    // PUT replaces: what it leaves out is gone.
    await call('PUT', '/api/settings/sites/shop', { origins: ['https://shop.example'] })
    expect(t.sites.get('shop')).toEqual({ id: 'shop', origins: ['https://shop.example'] })
  })

  it('names every field at fault, for a form to show beside each', async () => {
    const res = await call('PATCH', '/api/settings/sites/demo', {
      origins: ['shop.example'],
      goals: [{ name: 'buy', url: 'thanks' }],
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as {
      error: string
      field: string
      issues: Array<{ field: string; message: string }>
    }
    expect(body.field).toBe('origins.0')
    expect(body.issues).toEqual([
      { field: 'origins.0', message: 'an origin such as https://shop.example' },
      { field: 'goals.0.url', message: 'a path glob starting with /, such as /thanks*' },
    ])
    expect((await call('PATCH', '/api/settings/sites/nope', { origins: [] })).status).toBe(404)
    expect((await call('GET', '/api/settings/sites/nope')).status).toBe(404)
  })
})

describe('diagnostics', () => {
  it('counts accepted, refused origins (with the origins), dropped bots and headless browsers', async () => {
    expect((await call('PUT', '/api/settings/sites/diag', { origins: ['http://localhost:5173'] })).status).toBe(200)
    const post = (headers: Record<string, string>) =>
      t.app.request('/v1/collect', postInit({ ...beaconOf([signal()]), s: 'diag' }, headers))
    expect((await post({})).status).toBe(202)
    expect((await post({ origin: 'https://typo.example' })).status).toBe(403)
    expect((await post({ origin: 'https://typo.example' })).status).toBe(403)
    expect((await post({ 'user-agent': 'Mozilla/5.0 HeadlessChrome/156.0.0.0' })).status).toBe(202)
    expect((await post({ 'user-agent': 'curl/8.0' })).status).toBe(202)
    const res = await call('GET', '/api/diagnostics?site=diag')
    const d = (await res.json()) as Record<string, unknown>
    expect(d).toMatchObject({
      accepted: 1,
      refusedOrigin: 2,
      droppedHeadless: 1,
      droppedBots: 1,
      rateLimited: 0,
      origins: ['http://localhost:5173'],
    })
    expect(d.refusedOrigins).toEqual([{ origin: 'https://typo.example', count: 2, last: expect.any(Number) }])
    expect(d.lastBeacon).toBeGreaterThanOrEqual(d.lastAccepted as number)
  })
})
