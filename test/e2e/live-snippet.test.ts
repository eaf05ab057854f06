import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startLiveSite } from '../lib/startLiveSite.ts'
import type { TestSite } from '../lib/startSite.ts'

// The snippet's lazily loaded side, end to end in Chromium: the help prompt and an
// agent's offer (also under a strict CSP), the masked page snapshot, and the replay of
// a struggle.
describe('lazy chunks: help, offers, snapshot, replay', () => {
  let collector: TestCollector
  let site: TestSite
  let browser: Browser
  const admin = { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' }
  const help = {
    enabled: true,
    title: 'Stuck on checkout?',
    text: 'We can help you finish your order.',
    action: 'agent',
    label: 'Get help',
  }

  const configure = async (h: object) => {
    const res = await fetch(`${collector.url}/api/settings/sites/demo`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({
        origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
        allowHeadless: true,
        help: h,
      }),
    })
    expect(res.status).toBe(200)
  }

  /** Opens a page in a fresh context (a new visitor session) with a CSP violation log. */
  const visit = async (path: string): Promise<[BrowserContext, Page]> => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.addInitScript(() => {
      ;(window as any).__csp = []
      addEventListener('securitypolicyviolation', (e) =>
        (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    await page.goto(`${site.url}/${path}`)
    await page.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
    return [context, page]
  }

  /** Rage-clicks the broken button: rage and dead clicks, a struggle. */
  const struggle = async (page: Page) => {
    for (let i = 0; i < 5; i++) await page.click('#broken', { delay: 20 })
  }

  const sessionOf = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
  const dialog = (page: Page) => page.getByRole('dialog')

  beforeAll(async () => {
    collector = await startCollector()
    site = await startLiveSite(collector.url)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await collector?.close()
  })

  it('shows the help prompt by itself when enabled, once per episode, and never after Escape', async () => {
    await configure(help)
    const [context, page] = await visit('shop.html')
    await struggle(page)
    const prompt = dialog(page)
    await prompt.waitFor({ timeout: 10_000 })
    await expect.poll(() => prompt.innerText()).toContain('Stuck on checkout?')
    expect(await prompt.getAttribute('aria-live')).toBe('polite')
    await expect.poll(() => prompt.getByRole('button', { name: 'Close' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await prompt.waitFor({ state: 'hidden' })

    // The same session, another page load, more rage: the prompt stays away.
    await page.reload()
    await struggle(page)
    await page.waitForTimeout(3000)
    expect(await dialog(page).isVisible()).toBe(false)
    await context.close()
  })

  it('never shows the prompt when help is disabled', async () => {
    await configure({ ...help, enabled: false })
    const [context, page] = await visit('shop.html')
    await struggle(page)
    // Long enough for the alert, the help chunk and its channel.
    await page.waitForTimeout(4000)
    expect(await dialog(page).count()).toBe(0)
    await context.close()
  })

  it("shows an agent's offer within 2 s and sends the acceptance back", async () => {
    await configure({ ...help, enabled: false })
    const [context, page] = await visit('shop.html')
    await struggle(page)
    // The help chunk opens the offers channel once the session struggles.
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => /\/s\/help\./.test(r.name)),
      null,
      { timeout: 10_000 },
    )
    await page.waitForTimeout(500)
    const session = await sessionOf(page)

    const stream = await fetch(`${collector.url}/api/alerts/stream`, { headers: admin })
    const reader = stream.body!.getReader()
    let seen = ''
    const answered = (async () => {
      while (!seen.includes('event: offer-answer')) {
        const { value, done } = await reader.read()
        if (done) break
        seen += new TextDecoder().decode(value)
      }
    })()

    const sent = Date.now()
    const res = await fetch(`${collector.url}/api/sessions/${session}/offers`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ site: 'demo', message: 'Can I help you place your order?' }),
    })
    expect(res.status).toBe(201)
    const offer = dialog(page)
    await offer.waitFor({ timeout: 2000 })
    expect(Date.now() - sent).toBeLessThan(2000)
    expect(await offer.innerText()).toContain('Can I help you place your order?')
    await offer.getByRole('button', { name: 'Accept' }).click()
    await offer.waitFor({ state: 'hidden' })
    await Promise.race([answered, new Promise((r) => setTimeout(r, 5000))])
    await reader.cancel()
    expect(seen).toContain('event: offer-answer')
    expect(seen).toMatch(/"answer":"accepted"/)
    expect(seen).toContain(session)
    await context.close()
  })

  it('renders the prompt under a strict CSP, without a violation', async () => {
    await configure(help)
    const [context, page] = await visit('csp.html')
    await struggle(page)
    const prompt = dialog(page)
    await prompt.waitFor({ timeout: 10_000 })
    await expect.poll(() => prompt.innerText()).toContain('Stuck on checkout?')
    // The constructed stylesheet applies: the prompt is fixed in the corner, not in the flow.
    const position = await page.evaluate(
      () => getComputedStyle(document.querySelector('[data-wince-ignore]')!).position,
    )
    expect(position).toBe('fixed')
    await page.waitForTimeout(1000)
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([])
    await context.close()
  })

  it('sends a masked snapshot of the page: no e-mail, card number or name', async () => {
    const [context] = await visit('shop.html')
    const url = `${site.url}/shop.html`
    const stored = await poll(
      () =>
        fetch(`${collector.url}/api/snapshot?site=demo&url=${encodeURIComponent(url)}&vc=desktop`, {
          headers: admin,
        }).then(async (r) => (r.ok ? await r.text() : '')),
      (t) => t.length > 0,
      15_000,
      250,
    )
    expect(stored).toContain('Place order'.replace(/\S/g, '*'))
    for (const secret of ['jane.example@mail.test', '4111', 'hunter2', 'Jane Example', 'Sample Road'])
      expect(stored).not.toContain(secret)
    await context.close()
  })

  it('replays a struggle: the rage clicks are there, the typed value is not', async () => {
    const [context, page] = await visit('shop.html')
    // Every request body the page sends from here on (beacons, unload beacons, replay runs).
    const bodies: string[] = []
    page.on('request', (r) => bodies.push(`${r.url()} ${r.postDataBuffer()?.toString('latin1') ?? ''}`))
    // The page is idle and its settings came (the recorder itself loads once the session struggles).
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => /\/v1\/site\?/.test(r.name)),
      null,
      { timeout: 10_000 },
    )
    await page.waitForTimeout(500)
    await page.fill('#note', 'typed-secret-value')
    await struggle(page)
    const session = await sessionOf(page)
    type Run = {
      seq: number
      alert: string
      events: Array<{ type: number; data?: { source?: number; type?: number } }>
    }
    const { runs } = await poll(
      () => collector.api<{ runs: Run[] }>(`/api/sessions/${session}/replay?site=demo`),
      (r) =>
        r.runs.flatMap((x) => x.events).filter((e) => e.type === 3 && e.data?.source === 2 && e.data?.type === 2)
          .length >= 5,
      20_000,
      250,
    )
    expect(runs[0]!.alert).not.toBe('')
    expect(runs.flatMap((r) => r.events).some((e) => e.type === 2)).toBe(true)
    expect(JSON.stringify(runs)).not.toContain('typed-secret-value')
    expect(JSON.stringify(runs)).not.toContain('jane.example@mail.test')
    // Leaving sends the last beacons (form abandon among them): none holds what was typed.
    await page.goto('about:blank')
    await page.waitForTimeout(500)
    expect(bodies.some((b) => b.includes('/v1/collect'))).toBe(true)
    for (const b of bodies) expect(b, b.slice(0, 120)).not.toContain('typed-secret-value')
    await context.close()
  })
})
