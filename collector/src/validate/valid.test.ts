import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t?.close()
})

const admin = { authorization: `Bearer ${TEST_TOKEN}` }
/** Reads that take no query input (one site's settings: its id in the path, held to the id rule below). */
const NO_INPUT = new Set(['/api/sites', '/api/stats', '/api/settings/tokens', '/api/settings/sites/:id'])
/** Path parameters with a rule stricter than the id rule get a valid example. */
const EXAMPLE_PARAMS: Record<string, string> = {
  '/api/issues/:id/status': '/api/issues/0123456789abcdef/status',
  '/api/rules/:id/:action{apply|reject|revert}': '/api/rules/0123456789abcdef/apply',
}
const concrete = (path: string) =>
  EXAMPLE_PARAMS[path] ?? path.replace(/:\w+\{([^}]*)\}/g, (_, re: string) => re.split('|')[0]!).replace(/:\w+/g, 'x1')
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error

describe('one input gate', () => {
  it('every /api read refuses a bad site with the JSON 400 naming the field', async () => {
    const reads = t.app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && !NO_INPUT.has(r.path))
    expect(reads.length).toBeGreaterThan(8)
    for (const r of reads) {
      const res = await t.app.request(`${concrete(r.path)}?site=b@d&url=http://x/&selector=a`, { headers: admin })
      expect(res.status, r.path).toBe(400)
      expect(res.headers.get('content-type'), r.path).toMatch(/^application\/json/)
      expect(await errorOf(res), r.path).toMatch(/^site: /)
    }
  })

  it('every /api write refuses bad JSON and a body missing its fields', async () => {
    const writes = t.app.routes.filter((r) => ['POST', 'PUT'].includes(r.method) && r.path.startsWith('/api/'))
    expect(writes.length).toBeGreaterThanOrEqual(4)
    for (const r of writes) {
      const path = concrete(r.path)
      const bad = await t.app.request(path, {
        method: r.method,
        headers: { ...admin, 'content-type': 'application/json' },
        body: '{"oops"',
      })
      expect([bad.status, await errorOf(bad)], path).toEqual([400, 'body is not valid JSON'])
      const empty = await t.app.request(path, {
        method: r.method,
        headers: { ...admin, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(empty.status, path).toBe(400)
      expect(await errorOf(empty), path).toMatch(/^[a-z]+(\.\d+)?: /i)
    }
  })

  it('holds every id in a path to the one rule', async () => {
    for (const path of ['/api/sessions/b@d/pages?site=demo', '/api/sessions/b@d/replay?site=demo']) {
      const res = await t.app.request(path, { headers: admin })
      expect([res.status, await errorOf(res)]).toEqual([400, 'session: 1 to 64 letters, digits, _ or - only'])
    }
    const long = await t.app.request(`/api/settings/tokens/${'x'.repeat(65)}`, { method: 'DELETE', headers: admin })
    expect([long.status, await errorOf(long)]).toEqual([400, 'id: 1 to 64 letters, digits, _ or - only'])
  })

  it('the visitor channel answers the same way', async () => {
    const origin = { origin: 'http://localhost:5173' }
    const live = await t.app.request('/v1/live?s=demo&sid=b@d', { headers: origin })
    expect([live.status, await errorOf(live)]).toEqual([400, 'sid: 1 to 64 letters, digits, _ or - only'])
    const answer = await t.app.request('/v1/answer', {
      method: 'POST',
      headers: { ...origin, 'content-type': 'text/plain' },
      body: JSON.stringify({ s: 'demo', sid: 'a', offerId: 'b@d', answer: 'accepted' }),
    })
    expect([answer.status, await errorOf(answer)]).toEqual([400, 'offerId: 1 to 64 letters, digits, _ or - only'])
    const snapshot = await t.app.request('/v1/snapshot', {
      method: 'POST',
      headers: { ...origin, 'content-type': 'text/plain' },
      body: 'not json',
    })
    expect([snapshot.status, await errorOf(snapshot)]).toEqual([400, 'body is not valid JSON'])
  })
})
