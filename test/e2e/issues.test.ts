import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const auth = { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' }

type Impact = {
  affectedSessions: number
  affectedConversion: number
  baselineSessions: number
  baselineConversion: number
  lostConversions: number
  low: number
  high: number
  lostValue: number | null
}
type Issue = {
  id: string
  type: string
  url: string
  selector: string
  sessions: number
  impact: Impact | null
  impactReason: string | null
}
type Session = { session: string; device: string; browser: string; os: string; converted: boolean; value: number }

// What to fix first, end to end: on the demo shop some visitors rage at the dead
// "Add to wishlist" button and leave, others buy (the page calls wince('goal', …)).
describe('issues ranked by lost conversions, sessions to watch', () => {
  let collector: TestCollector
  let browser: Browser
  const raged: string[] = []
  const bought: string[] = []
  let phone = ''

  beforeAll(async () => {
    collector = await startCollector()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await collector?.close()
  })

  /** One visit of the demo shop; `act` runs once the snippet and its boot chunk are in; returns the session id. */
  async function visit(act: (page: Page) => Promise<void>, context?: BrowserContext): Promise<string> {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }))
    const page = await ctx.newPage()
    await page.goto(`${collector.url}/demo/`.replace('127.0.0.1', 'localhost'))
    await page.waitForFunction(
      () => typeof (window as { wince?: unknown }).wince === 'function' && !('q' in (window as any).wince),
    )
    await page.waitForLoadState('networkidle')
    await act(page)
    const sid = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid') ?? '""') as string)
    await page.waitForTimeout(300)
    await ctx.close() // pagehide sends what is queued
    return sid
  }

  const rage = async (page: Page) => {
    const box = (await page.locator('#wishlist').boundingBox())!
    for (let i = 0; i < 4; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: 20 })
    await page.waitForTimeout(1500)
  }
  const buy = async (page: Page) => {
    await page.evaluate(() => (window as unknown as { wince: (...a: unknown[]) => void }).wince('goal', 'purchase', 40))
    await page.waitForTimeout(300)
  }

  it('ranks the raged element first, with its impact; the sessions API returns exactly those sessions', async () => {
    const patch = await fetch(`${collector.url}/api/settings/sites/demo`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ goals: [{ name: 'purchase' }] }),
    })
    expect(patch.status).toBe(200)
    for (let i = 0; i < 5; i++) raged.push(await visit(rage))
    for (let i = 0; i < 5; i++) bought.push(await visit(buy))
    phone = await visit(
      buy,
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        userAgent: PHONE_UA,
        isMobile: true,
        hasTouch: true,
      }),
    )

    const { issues } = await poll(
      () => collector.api<{ issues: Issue[] }>('/api/issues?site=demo'),
      (r) =>
        !!r.issues[0]?.impact && r.issues[0].impact.affectedSessions === 5 && r.issues[0].impact.baselineSessions === 6,
      30_000,
    )
    console.log(
      'e2e shop issues:',
      JSON.stringify(
        issues.map((i) => ({ type: i.type, selector: i.selector, sessions: i.sessions, impact: i.impact })),
      ),
    )
    expect(issues[0]!.selector).toContain('wishlist')
    expect(issues[0]!.impact).toMatchObject({
      affectedSessions: 5,
      affectedConversion: 0,
      baselineSessions: 6,
      baselineConversion: 1,
      lostConversions: 5,
      lostValue: 200,
    })
    expect(issues[0]!.impact!.low).toBeGreaterThan(0)

    const rs = await collector.api<{ sessions: Session[] }>('/api/sessions?site=demo&type=rage_click')
    expect(rs.sessions.map((s) => s.session).sort()).toEqual([...raged].sort())
    const conv = await collector.api<{ sessions: Session[] }>('/api/sessions?site=demo&converted=true')
    expect(conv.sessions.map((s) => s.session).sort()).toEqual([...bought, phone].sort())
    expect(conv.sessions.every((s) => s.value === 40)).toBe(true)
    const mobile = await collector.api<{ sessions: Session[] }>('/api/sessions?site=demo&device=mobile')
    expect(mobile.sessions.map((s) => [s.session, s.device, s.os])).toEqual([[phone, 'mobile', 'iOS']])
    const desktop = await collector.api<{ sessions: Session[] }>('/api/sessions?site=demo&device=desktop')
    expect(desktop.sessions.map((s) => s.session)).not.toContain(phone)
    expect(desktop.sessions).toHaveLength(10)

    // The dashboard: Issues, then one issue's sessions, one click away.
    mkdirSync(ARTIFACTS, { recursive: true })
    const dash = await browser.newPage({ viewport: { width: 1500, height: 900 } })
    await dash.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    await dash.goto(`${collector.url}/?view=issues&site=demo`)
    const first = dash.getByTestId('issue-row').first()
    await first.waitFor({ timeout: 15_000 })
    expect(await first.textContent()).toContain('wishlist')
    await dash.screenshot({ path: `${ARTIFACTS}issues.png`, fullPage: true })
    await first.getByTestId('issue-sessions').click()
    await poll(
      () => dash.getByTestId('session-row').count(),
      (n) => n === 5,
      15_000,
    )
    await dash.getByTestId('session-row').first().click()
    await dash.waitForTimeout(1000)
    await dash.screenshot({ path: `${ARTIFACTS}sessions.png`, fullPage: true })

    // Friction opens with what to fix first: the raged element on top, its sessions per day drawn.
    await dash.goto(`${collector.url}/?view=friction&site=demo`)
    const top = dash.getByTestId('issue-row').first()
    await top.waitFor({ timeout: 15_000 })
    expect(await top.textContent()).toContain('wishlist')
    const days = (await top.getByTestId('issue-trend').getAttribute('data-values'))!.split(',').map(Number)
    expect(days.reduce((a, b) => a + b, 0)).toBe(5)
    await dash.screenshot({ path: `${ARTIFACTS}friction.png`, fullPage: true })
    // The phone segment: none of the raged sessions were phones, so nothing to fix first there.
    await dash.getByTestId('segment-device').selectOption('mobile')
    await poll(
      () => dash.getByTestId('issue-row').count(),
      (n) => n === 0,
      15_000,
    )
  }, 240_000)

  it('settings: a validation error beside its field, PATCH keeps the rest; diagnostics shows a refused origin and dropped headless traffic', async () => {
    const put = await fetch(`${collector.url}/api/settings/sites/shop`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        origins: ['http://localhost:*'],
        help: { enabled: true, title: 'Stuck?', text: 'We can help.', action: 'agent', label: 'Get help' },
        rate: { rate: 100, burst: 500 },
      }),
    })
    expect(put.status).toBe(200)
    const beacon = (headers: Record<string, string>) =>
      fetch(`${collector.url}/v1/collect`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: JSON.stringify({
          v: 1,
          s: 'shop',
          sid: 'diag1',
          pv: 'pv1',
          ev: [{ k: 'page', id: `p${Date.now()}`, t: Date.now(), u: 'http://localhost/x', vw: 1000, vh: 700 }],
        }),
      })
    expect(
      (await beacon({ origin: 'https://www.shop.example', 'user-agent': 'Mozilla/5.0 Chrome/156.0' })).status,
    ).toBe(403)
    expect(
      (
        await beacon({
          origin: 'http://localhost:3000',
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36',
        })
      ).status,
    ).toBe(202)

    const dash = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await dash.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    await dash.goto(`${collector.url}/?view=settings&site=shop`)
    const form = dash.getByTestId('settings-form')
    await form.waitFor({ timeout: 15_000 })
    await dash.getByTestId('diagnostics').waitFor()
    expect(await dash.getByTestId('diag-refused-origins').textContent()).toContain('https://www.shop.example')
    expect(await dash.getByTestId('diag-headless').textContent()).toMatch(/^1/)
    await dash.screenshot({ path: `${ARTIFACTS}diagnostics.png`, fullPage: true })

    await form.locator('textarea[name=origins]').fill('www.shop.example')
    await form.locator('textarea[name=goals]').fill('purchase /thanks*')
    await dash.getByTestId('settings-save').click()
    const error = dash.getByTestId('error-origins')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.textContent()).toContain('an origin such as https://shop.example')
    await dash.screenshot({ path: `${ARTIFACTS}settings.png`, fullPage: true })

    await form.locator('textarea[name=origins]').fill('https://www.shop.example')
    await dash.getByTestId('settings-save').click()
    await poll(
      () => dash.getByTestId('settings-message').textContent(),
      (t) => t === 'Saved.',
      10_000,
    )
    const saved = (await (await fetch(`${collector.url}/api/settings/sites/shop`, { headers: auth })).json()) as {
      site: Record<string, unknown>
    }
    expect(saved.site).toMatchObject({
      origins: ['https://www.shop.example'],
      goals: [{ name: 'purchase', url: '/thanks*' }],
      rate: { rate: 100, burst: 500 },
      help: { title: 'Stuck?', label: 'Get help' },
    })
  })
})
