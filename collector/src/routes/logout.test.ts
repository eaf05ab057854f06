import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import { Tokens } from '../auth/Tokens.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ trustProxy: true })
})
afterAll(async () => {
  await t?.close()
})

const OWN = 'http://localhost'

async function signIn(headers: Record<string, string> = {}): Promise<{ cookie: string; setCookie: string }> {
  const res = await t.app.request(`/?token=${TEST_TOKEN}`, { headers })
  expect(res.status).toBe(302)
  const setCookie = res.headers.get('set-cookie')!
  return { cookie: setCookie.split(';')[0]!, setCookie }
}

describe('sessions', () => {
  it('POST /logout ends the session on the server: the old cookie is refused afterwards', async () => {
    const { cookie } = await signIn()
    expect((await t.app.request('/api/stats', { headers: { cookie } })).status).toBe(200)
    const out = await t.app.request('/logout', {
      method: 'POST',
      headers: { cookie, origin: OWN, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/wince_session=;.*Max-Age=0/)
    // A copy of the cookie kept by someone else is dead too, and stays dead across a restart.
    expect((await t.app.request('/api/stats', { headers: { cookie } })).status).toBe(401)
    expect((await t.app.request('/', { headers: { cookie } })).status).toBe(302)
    expect(new Tokens(TEST_TOKEN, t.dataDir).endedSessions.has(cookie.split('=')[1]!)).toBe(true)
    // Other sessions live on.
    const other = await signIn()
    expect((await t.app.request('/api/stats', { headers: { cookie: other.cookie } })).status).toBe(200)
  })

  it('marks the cookie Secure behind a TLS proxy (X-Forwarded-Proto: https, trust on), not over plain http', async () => {
    expect((await signIn({ 'x-forwarded-proto': 'https' })).setCookie).toMatch(/; Secure/)
    expect((await signIn()).setCookie).not.toMatch(/Secure/)
  })
})
