import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const auth = { authorization: `Bearer ${TEST_TOKEN}` }

function expectDashboardHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp, what).toMatch(/default-src 'self'/)
  expect(csp, what).toMatch(/frame-ancestors 'none'/)
  expect(csp, what).toMatch(/script-src 'self';/)
  expect(csp, what).not.toMatch(/unsafe-eval|\*|https?:/)
  expect(csp, what).toMatch(/img-src 'self' data:;/)
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
}

describe('security headers', () => {
  it('the dashboard, its assets, the login page and every /api route carry the strict set', async () => {
    const pages = ['/', '/login', '/some/spa/path', `/?token=${TEST_TOKEN}`, '/?token=wrong']
    for (const path of pages) expectDashboardHeaders(await t.app.request(path, { headers: auth }), path)
    const apiGets = t.app.routes
      .filter((r) => r.method === 'GET' && r.path.startsWith('/api/'))
      .map((r) => r.path.replace(/:\w+(\{[^}]*\})?/g, 'x1'))
    expect(apiGets.length).toBeGreaterThan(8)
    for (const path of apiGets) expectDashboardHeaders(await t.app.request(path, { headers: auth }), path)
    expectDashboardHeaders(await t.app.request('/api/stats'), 'an unauthenticated /api answer')
  })

  it('the snippet and the visitor channel: nosniff, CORS as before, nothing that would stop a customer page loading them', async () => {
    for (const path of ['/s.js', '/v1/site?s=demo', '/v1/collect']) {
      const res = await t.app.request(path, { headers: { origin: 'http://localhost:5173' } })
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('cross-origin-resource-policy'), path).toBeNull()
      expect(res.headers.get('x-frame-options'), path).toBeNull()
      expect(res.headers.get('content-security-policy'), path).toBeNull()
    }
    expect(
      (await t.app.request('/v1/site?s=demo', { headers: { origin: 'http://localhost:5173' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('http://localhost:5173')
  })

  it('the demo shop: nosniff, a referrer policy for a shop, framing by itself only', async () => {
    const res = await t.app.request('/demo/')
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'self'/)
  })
})
