import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeSession } from '../auth/adminToken.ts'
import { SESSION_COOKIE } from '../auth/requireRole.ts'
import { ApiError } from '../ApiError.ts'
import { csrfGuard } from './csrfGuard.ts'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

/** `app.request()` URLs are `http://localhost/…`: that is the dashboard's own origin here. */
const OWN = 'http://localhost'
/** A same-site page on another port: its requests carry a SameSite=Strict cookie. */
const EVIL = 'http://localhost:9999'
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'ALL'])

let issued = Date.now() - 1000
/** A fresh admin session cookie per request: /logout among the routes ends the one it is given. */
const session = () => `${SESSION_COOKIE}=${makeSession(TEST_TOKEN, 'admin', issued--)}`

/** A concrete path for a route pattern: `:action{claim|resolve}` → `claim`, `:id` → `x1`. */
function concrete(pattern: string): string {
  return pattern
    .replace(/:\w+\{([^}]*)\}/g, (_, re: string) => re.split('|')[0]!.replace(/\W/g, '') || 'x1')
    .replace(/:\w+/g, 'x1')
}

/** Every state-changing route a browser session could reach: iterated, so a new route cannot slip past. */
function stateChangingRoutes(): Array<{ method: string; path: string }> {
  const seen = new Set<string>()
  return t.app.routes
    .filter((r) => !SAFE.has(r.method) && (r.path.startsWith('/api/') || r.path === '/logout'))
    .map((r) => ({ method: r.method, path: concrete(r.path) }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
}

const refused = async (res: Response) =>
  res.status === 403 && /cross-site request refused/.test(((await res.json()) as { error: string }).error)

describe('csrfGuard, route by route', () => {
  it('finds the state-changing routes', () => {
    const names = stateChangingRoutes().map((r) => `${r.method} ${r.path}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/alerts/x1/claim',
        'POST /api/sessions/x1/offers',
        'POST /api/settings/tokens',
        'DELETE /api/settings/tokens/x1',
        'PUT /api/settings/sites/x1',
        'POST /logout',
      ]),
    )
  })

  const attacks: Array<[string, Record<string, string>]> = [
    ['a form post from another port (text/plain)', { origin: EVIL, 'content-type': 'text/plain' }],
    ['a credentialed fetch from another port (JSON)', { origin: EVIL, 'content-type': 'application/json' }],
    [
      'a no-cors fetch a browser labels same-site',
      { 'sec-fetch-site': 'same-site', origin: EVIL, 'content-type': 'text/plain' },
    ],
    ['a request with no Origin and no Sec-Fetch-Site', { 'content-type': 'application/json' }],
    ['the right Origin with a form encoding', { origin: OWN, 'content-type': 'application/x-www-form-urlencoded' }],
    [
      'Sec-Fetch-Site cross-site even with a forged-looking Origin',
      { 'sec-fetch-site': 'cross-site', origin: OWN, 'content-type': 'application/json' },
    ],
  ]
  for (const [name, headers] of attacks) {
    it(`refuses ${name} on every route, with a JSON reason`, async () => {
      for (const { method, path } of stateChangingRoutes()) {
        const res = await t.app.request(path, { method, headers: { cookie: session(), ...headers }, body: '{}' })
        expect(await refused(res), `${method} ${path}`).toBe(true)
      }
    })
  }

  it('lets the dashboard itself through (own Origin or Sec-Fetch-Site: same-origin, JSON)', async () => {
    const variants: Array<Record<string, string>> = [{ origin: OWN }, { 'sec-fetch-site': 'same-origin', origin: OWN }]
    for (const headers of variants) {
      for (const { method, path } of stateChangingRoutes()) {
        const res = await t.app.request(path, {
          method,
          headers: { cookie: session(), 'content-type': 'application/json; charset=utf-8', ...headers },
          body: '{}',
        })
        expect(await refused(res), `${method} ${path}`).toBe(false)
      }
    }
  })

  it('lets Bearer-token clients without a cookie through, whatever their headers', async () => {
    for (const { method, path } of stateChangingRoutes()) {
      const res = await t.app.request(path, {
        method,
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'text/plain' },
        body: '{}',
      })
      expect(await refused(res), `${method} ${path}`).toBe(false)
    }
  })

  it('still checks a request that carries both a Bearer header and the cookie', async () => {
    const res = await t.app.request('/api/settings/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, cookie: session(), origin: EVIL, 'content-type': 'text/plain' },
      body: JSON.stringify({ role: 'admin', name: 'x' }),
    })
    expect(await refused(res)).toBe(true)
  })

  it('made no token through any refused request', async () => {
    const res = await t.app.request('/api/settings/tokens', { headers: { authorization: `Bearer ${TEST_TOKEN}` } })
    const { tokens } = (await res.json()) as { tokens: Array<{ name: string }> }
    expect(tokens).toEqual([])
  })

  it('guards the login form by origin (it stays a form post)', async () => {
    const evil = await t.app.request('/login', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${TEST_TOKEN}`,
    })
    expect(evil.status).toBe(403)
    const own = await t.app.request('/login', {
      method: 'POST',
      headers: { origin: OWN, 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${TEST_TOKEN}`,
    })
    expect(own.status).toBe(302)
  })

  it('takes the proxy’s scheme and host as its own origin only when trusted', async () => {
    // The guard alone on a bare app: one chDB per process, and the proxy setting is all that differs.
    const appWith = (trustProxy: boolean) => {
      const app = new Hono()
      app.onError((err, c) => (err instanceof ApiError ? err.toResponse() : c.text('bug', 500)))
      return app.use('*', csrfGuard({ trustProxy })).post('/api/x', (c) => c.json({ ok: true }))
    }
    const headers = {
      cookie: session(),
      'content-type': 'application/json',
      origin: 'https://wince.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'wince.example',
    }
    expect((await appWith(true).request('/api/x', { method: 'POST', headers, body: '{}' })).status).toBe(200)
    expect(await refused(await appWith(false).request('/api/x', { method: 'POST', headers, body: '{}' }))).toBe(true)
  })
})
