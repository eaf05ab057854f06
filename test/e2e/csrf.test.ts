import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Alert } from '@wince/collector'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startForeign, type ForeignServer } from '../lib/startForeign.ts'

const SITE_ORIGIN = 'http://localhost:5173'
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'

/**
 * The attacker's page, on another port of the dashboard's host: same site,
 * so the SameSite=Strict session cookie rides along. It tries what a CSRF
 * page can: text/plain form posts (into hidden frames), no-cors fetches and
 * credentialed fetches, against token creation, alert dismissal and offers.
 */
function attackPage(collector: string, alert: Alert): string {
  const targets: Array<[string, unknown]> = [
    ['/api/settings/tokens', { role: 'admin', name: 'csrf' }],
    [`/api/alerts/${alert.id}/dismiss`, { site: 'demo', session: alert.session }],
    [
      `/api/sessions/${alert.session}/offers`,
      { site: 'demo', message: 'Support: verify your card', link: 'https://phish.example/' },
    ],
  ]
  // A text/plain form sends `name=value`: split the JSON so the body parses as the JSON above.
  const forms = targets.map(([path, body], i) => {
    const json = JSON.stringify(body)
    const name = json.slice(0, -1) + ',"pad":"'
    return `<iframe name="sink${i}"></iframe><form id="f${i}" method="post" enctype="text/plain" target="sink${i}" action="${collector}${path}"><input name='${name}' value='"}'></form>`
  })
  return `<!doctype html><title>cute cats</title>${forms.join('')}
<script>
const targets = ${JSON.stringify(targets)};
const C = ${JSON.stringify(collector)};
for (let i = 0; i < targets.length; i++) document.getElementById('f' + i).submit();
Promise.allSettled(targets.flatMap(([path, body]) => [
  fetch(C + path, { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify(body) }),
  fetch(C + path, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) }),
  fetch(C + path, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  fetch(C + path, { method: 'POST', credentials: 'include', body: JSON.stringify(body) }),
])).then(() => { window.done = true });
</script>`
}

async function offersOf(collector: TestCollector, session: string): Promise<number> {
  // No /api read lists offers, so the store is asked.
  const rs = await collector.client.query({
    query: `SELECT count() AS n FROM offers WHERE session = {session:String}`,
    query_params: { session },
    format: 'JSONEachRow',
  })
  return Number(((await rs.json()) as Array<{ n: string }>)[0]!.n)
}

describe('CSRF from a same-site page on another port, in real Chromium', () => {
  let collector: TestCollector
  let browser: Browser
  let evil: ForeignServer
  let alert: Alert

  beforeAll(async () => {
    collector = await startCollector()
    browser = await launchChromium()
    const session = `csrf${Date.now().toString(36)}`
    const now = Date.now()
    const beacon = {
      v: 1,
      s: 'demo',
      sid: session,
      pv: `pv${now}`,
      ev: [
        { k: 'page', id: `p${now}`, t: now - 3000, u: `${SITE_ORIGIN}/checkout`, vw: 1280, vh: 800 },
        {
          k: 'struggle',
          id: `al${now}`,
          t: now,
          u: `${SITE_ORIGIN}/checkout`,
          sc: 6.5,
          rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: now, n: 5, pts: 4 }],
        },
      ],
    }
    const res = await fetch(`${collector.url}/v1/collect`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, 'content-type': 'text/plain', 'user-agent': UA },
      body: JSON.stringify(beacon),
    })
    expect(res.status).toBe(202)
    alert = (
      await poll(
        () => collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo'),
        (r) => r.alerts.length === 1,
      )
    ).alerts[0]!
    evil = await startForeign(attackPage(collector.url, alert))
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await evil?.close()
    await collector?.close()
  })

  it('changes nothing from the attacker’s page, and the same actions from the dashboard work', async () => {
    const context = await browser.newContext()
    const dashboard: Page = await context.newPage()
    await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    expect(new URL(dashboard.url()).pathname).toBe('/')

    // The logged-in admin opens the attacker's page in another tab.
    const page = await context.newPage()
    // What went over the wire, from Chromium's network layer: Playwright sees no response to a fetch
    // the browser hides behind CORS, the DevTools protocol sees the real headers and status.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const wire = new Map<string, { url?: string; method?: string; cookie?: boolean; status?: number }>()
    const entry = (id: string) => {
      if (!wire.has(id)) wire.set(id, {})
      return wire.get(id)!
    }
    cdp.on(
      'Network.requestWillBeSent',
      (e) => void Object.assign(entry(e.requestId), { url: e.request.url, method: e.request.method }),
    )
    cdp.on('Network.responseReceived', (e) => void (entry(e.requestId).status ??= e.response.status))
    cdp.on(
      'Network.requestWillBeSentExtraInfo',
      (e) =>
        void (entry(e.requestId).cookie = /wince_session=/.test(String(e.headers.Cookie ?? e.headers.cookie ?? ''))),
    )
    cdp.on('Network.responseReceivedExtraInfo', (e) => void (entry(e.requestId).status = e.statusCode))
    await page.goto(evil.url)
    await page.waitForFunction(() => (window as { done?: boolean }).done === true, undefined, { timeout: 20_000 })
    await page.waitForTimeout(1000)
    // Sent, that is: the 3 JSON fetches stop at a CORS preflight the collector does not grant.
    const attacks = [...wire.values()].filter(
      (r) => r.url?.startsWith(`${collector.url}/api/`) && r.method === 'POST' && r.status !== undefined,
    )

    // The threat is real: 3 form posts and 9 simple fetches reached the collector with the session cookie…
    expect(attacks).toHaveLength(12)
    expect(attacks.every((r) => r.cookie)).toBe(true)
    // …and every one was refused.
    expect(attacks.map((r) => r.status)).toEqual(Array(12).fill(403))

    // Nothing changed, checked through the API.
    const { tokens } = await collector.api<{ tokens: unknown[] }>('/api/settings/tokens')
    expect(tokens).toEqual([])
    await collector.writer.flush()
    const { alerts } = await collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo')
    expect(alerts[0]).toMatchObject({ id: alert.id, state: 'open' })
    expect(await offersOf(collector, alert.session)).toBe(0)

    // The same three actions from the dashboard itself (its own origin, JSON) go through.
    const done = await dashboard.evaluate(
      async ({ alert }) => {
        const post = (path: string, body: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }).then((r) => r.status)
        return [
          await post('/api/settings/tokens', { role: 'agent', name: 'from the dashboard' }),
          await post(`/api/alerts/${alert.id}/dismiss`, { site: 'demo', session: alert.session }),
          await post(`/api/sessions/${alert.session}/offers`, { site: 'demo', message: 'Can I help?' }),
        ]
      },
      { alert },
    )
    expect(done).toEqual([201, 200, 201])
    expect(
      (await collector.api<{ tokens: Array<{ name: string }> }>('/api/settings/tokens')).tokens.map((t) => t.name),
    ).toEqual(['from the dashboard'])
    await poll(
      () => collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo'),
      (r) => r.alerts[0]?.state === 'dismissed',
    )
    expect(
      await poll(
        () => offersOf(collector, alert.session),
        (n) => n === 1,
      ),
    ).toBe(1)
    await context.close()
  }, 60_000)

  it('the dashboard cannot be framed by another origin', async () => {
    const context = await browser.newContext()
    const dashboard = await context.newPage()
    await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    const framer = await startForeign(
      `<!doctype html><iframe id="dash" src="${collector.url}/"></iframe><iframe id="own" src="/own"></iframe>`,
    )
    try {
      const page = await context.newPage()
      const blocked: string[] = []
      page.on('console', (m) => /frame-ancestors|Refused to frame/i.test(m.text()) && blocked.push(m.text()))
      await page.goto(framer.url)
      await page.waitForTimeout(1500)
      const frames = page.frames().filter((f) => f !== page.mainFrame())
      expect(frames).toHaveLength(2)
      // A frame of its own origin loads (the page can frame at all)…
      expect(frames.some((f) => f.url() === `${framer.url}/own`)).toBe(true)
      // …the dashboard does not: Chromium refuses it and shows its error page instead.
      const dash = frames.find((f) => f.url() !== `${framer.url}/own`)!
      expect(await dash.locator('#app').count()).toBe(0)
      expect(blocked.length).toBeGreaterThan(0)
    } finally {
      await framer.close()
      await context.close()
    }
  }, 60_000)

  it('signing out from the dashboard ends the session on the server', async () => {
    const context = await browser.newContext()
    const dashboard = await context.newPage()
    await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'wince_session')
    expect(cookie).toBeDefined()
    await dashboard.getByTestId('sign-out').click()
    await dashboard.waitForURL(/\/login$/)
    // The old cookie, replayed from elsewhere, is refused.
    const stolen = await browser.newContext()
    await stolen.addCookies([cookie!])
    const res = await stolen.request.get(`${collector.url}/api/stats`)
    expect(res.status()).toBe(401)
    await stolen.close()
    await context.close()
  }, 60_000)
})
