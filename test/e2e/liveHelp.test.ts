import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startLiveSite } from '../lib/startLiveSite.ts'
import type { TestSite } from '../lib/startSite.ts'
import { percentile } from '../lib/percentile.ts'

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))
/** Help requests timed end to end (the contract asks p95 ≤ 1 s over at least 20). */
const REQUESTS = Number(process.env.WINCE_HELP_REQUESTS ?? 20)
const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36'

type ListedAlert = {
  id: string
  session: string
  issue?: string
  help?: string
  helpAt?: number
  device?: string
  browser?: string
  os?: string
}

// Live help end to end in Chromium, visitors and an agent in separate pages: a help
// request reaches the agent within a second, the visitor is told only what is true
// (waiting, the agent's name, or the site's fallback), one card per problem, phones.
describe('live help: help requests, one card per problem, phones', () => {
  let collector: TestCollector
  let site: TestSite
  let browser: Browser
  let agent: Page
  const admin = { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' }
  const help = { enabled: true, title: 'Stuck?', text: 'We can help you finish.', action: 'agent', label: 'Get help' }

  const configure = async (h: object) => {
    const res = await fetch(`${collector.url}/api/settings/sites/demo`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({
        origins: ['http://localhost:*', 'http://127.0.0.1:*'],
        allowHeadless: true,
        teamName: 'The Example Shop team',
        help: h,
      }),
    })
    expect(res.status).toBe(200)
  }

  const visit = async (
    path: string,
    options: Parameters<Browser['newContext']>[0] = {},
    referer?: string,
  ): Promise<[BrowserContext, Page, string]> => {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    await page.goto(`${site.url}/${path}`, referer ? { referer } : {})
    await page.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
    return [context, page, session]
  }

  /**
   * Presses a button that fails (taps on a touch screen) until the help prompt shows: five
   * presses make a struggle; on a loaded machine presses may land more than a second apart
   * (no rage), so a few more rounds are allowed.
   */
  const struggle = async (page: Page, selector: string, touch = false) => {
    const prompt = page.getByRole('dialog').getByRole('button', { name: 'Get help' })
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) await (touch ? page.tap(selector) : page.click(selector, { delay: 20 }))
      try {
        return await prompt.waitFor({ timeout: 8_000 })
      } catch {
        // pressed too slowly to count as rage: again
      }
    }
    await prompt.waitFor({ timeout: 8_000 })
  }

  const alerts = () => collector.api<{ alerts: ListedAlert[] }>('/api/alerts?site=demo').then((b) => b.alerts)
  const card = (session: string) => agent.locator(`[data-testid="alert"][data-session="${session}"]`)

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    collector = await startCollector()
    site = await startLiveSite(collector.url)
    browser = await launchChromium()
    await configure(help)
    // The agent is a person: a display name and a colour, which the visitor sees (never the token's name).
    const made = await fetch(`${collector.url}/api/settings/tokens`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ role: 'agent', name: 'desk-7', displayName: 'Maria', color: '#8e3b8e' }),
    })
    const { token } = (await made.json()) as { token: string }
    agent = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage()
    await agent.goto(`${collector.url}/?token=${token}`)
    await agent.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await collector?.close()
  })

  it('five visitors on one broken button make one card with a count of 5; the one who asked for help stands out', async () => {
    const visitors: Array<[BrowserContext, Page, string]> = []
    for (let i = 0; i < 5; i++) {
      const v = await visit('pay-error.html')
      await struggle(v[1], '#pay')
      visitors.push(v)
    }
    const [, asker, askerSession] = visitors[2]!
    await asker.getByRole('button', { name: 'Get help' }).click()
    await expect.poll(() => asker.getByRole('dialog').innerText()).toMatch(/Waiting for an agent/)

    const sessions = visitors.map((v) => v[2])
    const listed = await poll(
      alerts,
      (list) => sessions.every((s) => list.some((a) => a.session === s)) && list.some((a) => a.help === 'requested'),
      15_000,
      250,
    )
    const mine = listed.filter((a) => sessions.includes(a.session))
    expect(mine).toHaveLength(5)
    expect(new Set(mine.map((a) => a.issue)).size).toBe(1)
    expect(mine[0]!.issue).toMatch(/^[0-9a-f]{16}$/)
    expect(mine.filter((a) => a.help === 'requested').map((a) => a.session)).toEqual([askerSession])
    expect(mine.find((a) => a.help === 'requested')!.helpAt).toBeGreaterThan(Date.now() - 60_000)

    const issue = agent.locator(`[data-testid="issue"][data-issue="${mine[0]!.issue}"]`)
    await issue.waitFor()
    await expect.poll(() => agent.locator('[data-testid="issue"]').count()).toBe(1)
    expect(await issue.getByTestId('issue-count').getAttribute('data-count')).toBe('5')
    // Folded: only the visitor who asked for help is shown, marked.
    await expect.poll(() => issue.locator('[data-testid="alert"]').count()).toBe(1)
    expect(await issue.locator('[data-testid="alert"]').getAttribute('data-session')).toBe(askerSession)
    expect(await issue.locator('.alert-help [data-testid="help-badge"]').innerText()).toMatch(/Asked for help/)
    expect(await issue.getByTestId('offer-send').first().innerText()).toBe('Offer help to all 5')
    await issue.getByTestId('issue-toggle').click()
    await expect.poll(() => issue.locator('[data-testid="alert"]').count()).toBe(5)
    await agent.screenshot({ path: `${ARTIFACTS}live-queue.png`, fullPage: true })

    // The session panel: who the visitor is and what happened, in words.
    await card(askerSession).getByTestId('session-link').click()
    const panel = agent.getByTestId('session-panel')
    await expect
      .poll(() => panel.getByTestId('session-summary').innerText(), { timeout: 10_000 })
      .toMatch(
        /^On \/pay-error\.html.*Pressed button#pay (?:twice|\d+ times); each press threw TypeError.*Asked for help/s,
      )
    expect(await panel.getByTestId('visitor-facts').innerText()).toMatch(/desktop · Chrome/)
    await panel.screenshot({ path: `${ARTIFACTS}session-panel.png` })

    // "Waiting" → an agent claims → the visitor sees her name, not the token's.
    await card(askerSession).getByTestId('claim').click()
    const dialog = asker.getByRole('dialog')
    await expect.poll(() => dialog.innerText(), { timeout: 5_000 }).toMatch(/Maria is here/)
    expect(await dialog.innerText()).not.toContain('desk-7')

    // "Offer help to all 5" reaches every visitor.
    await issue
      .getByTestId('offer-message')
      .first()
      .fill('We know the Pay button fails. Call us and we finish your order.')
    await issue.getByTestId('offer-send').first().click()
    for (const [, page] of visitors)
      await expect
        .poll(() => page.getByRole('dialog').innerText(), { timeout: 5_000 })
        .toContain('We know the Pay button fails')
    expect(await visitors[0]![1].getByRole('dialog').innerText()).toMatch(/^Maria offers help/)
    for (const [context] of visitors) await context.close()
  }, 240_000)

  it(
    `shows the agent a help request within 1 s (${REQUESTS} requests, p50/p95 printed)`,
    async () => {
      // When each visitor's help card first appears in the agent's page (same machine, same clock).
      await agent.evaluate(() => {
        const seen: Record<string, number> = ((window as any).__helpSeen = {})
        new MutationObserver(() => {
          for (const el of document.querySelectorAll<HTMLElement>('[data-testid="alert"][data-help="requested"]'))
            seen[el.dataset.session!] ??= Date.now()
        }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-help'] })
      })
      const latencies: number[] = []
      for (let i = 0; i < REQUESTS; i++) {
        const [context, page, session] = await visit('shop.html')
        await struggle(page, '#broken')
        await page.evaluate(() => addEventListener('click', () => ((window as any).__pressed ??= Date.now()), true))
        await page.getByRole('button', { name: 'Get help' }).click()
        const pressed = await page.evaluate(() => (window as any).__pressed as number)
        const seenAt = await poll(
          () => agent.evaluate((s) => (window as any).__helpSeen[s] as number | undefined, session),
          (t) => t !== undefined,
          10_000,
          20,
        )
        latencies.push(seenAt! - pressed)
        await expect.poll(() => page.getByRole('dialog').innerText()).toMatch(/Waiting for an agent/)
        await context.close()
      }
      const p50 = percentile(latencies, 0.5)
      const p95 = percentile(latencies, 0.95)
      console.log(
        `help request → rendered in the agent's dashboard, ${latencies.length} requests: p50 ${p50} ms, p95 ${p95} ms, max ${Math.max(...latencies)} ms`,
      )
      expect(p95).toBeLessThanOrEqual(1000)
    },
    60_000 + REQUESTS * 20_000,
  )

  it("gives the visitor the site's fallback at once when no agent is online, and after the site's wait when none answers", async () => {
    await configure({ ...help, wait: 5, fallback: 'https://shop.example/contact', fallbackLabel: 'Write to us' })
    // No dashboard open: nobody could answer.
    await agent.close()
    const [c1, alone] = await visit('shop.html')
    await struggle(alone, '#broken')
    const asked = Date.now()
    await alone.getByRole('button', { name: 'Get help' }).click()
    const d1 = alone.getByRole('dialog')
    await expect.poll(() => d1.innerText(), { timeout: 3_000 }).toMatch(/no one from our team can answer right now/i)
    expect(Date.now() - asked).toBeLessThan(3_000)
    expect(await d1.getByRole('link', { name: 'Write to us' }).getAttribute('href')).toBe(
      'https://shop.example/contact',
    )
    expect(await d1.innerText()).not.toMatch(/waiting/i)

    // An agent online (a dashboard stream) who does not answer: waiting, then the fallback after 5 s.
    const stream = await fetch(`${collector.url}/api/alerts/stream?site=demo`, { headers: admin })
    const [c2, ignored] = await visit('shop.html')
    await struggle(ignored, '#broken')
    await ignored.getByRole('button', { name: 'Get help' }).click()
    const d2 = ignored.getByRole('dialog')
    await expect.poll(() => d2.innerText()).toMatch(/Waiting for an agent/)
    const waiting = Date.now()
    await expect
      .poll(() => d2.innerText(), { timeout: 10_000, interval: 100 })
      .toMatch(/no one from our team can answer right now/i)
    const waited = Date.now() - waiting
    expect(waited).toBeGreaterThan(3_500)
    expect(waited).toBeLessThan(7_000)

    // Without a fallback link the page's own chat is called: wince('on', 'help').
    await configure({ ...help, wait: 5 })
    await stream.body?.cancel()
    const [c3, chat] = await visit('shop.html')
    await struggle(chat, '#broken')
    await chat.getByRole('button', { name: 'Get help' }).click()
    await expect.poll(() => chat.evaluate(() => (window as any).__help as unknown[])).toEqual([{ action: 'fallback' }])
    for (const c of [c1, c2, c3]) await c.close()
  }, 180_000)

  it('fits the prompt on a phone (390×844, touch), on a page a little wider than the screen too; the alert says mobile', async () => {
    await configure(help)
    const phone = {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      userAgent: ANDROID_UA,
    }
    for (const path of ['pay-error.html', 'wide.html']) {
      // Came from a search: the agent sees the host, never the words searched.
      const [context, page, session] = await visit(path, phone, 'https://search.example/results?q=blue+mug')
      await struggle(page, '#pay', true)
      const box = await page.evaluate(() => {
        const host = document.querySelector('[data-wince-ignore]')!
        const r = host.shadowRoot!.querySelector('.box')!.getBoundingClientRect()
        const vv = visualViewport!
        return {
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
          vvLeft: vv.offsetLeft,
          vvTop: vv.offsetTop,
          vvWidth: vv.width,
          vvHeight: vv.height,
          scale: vv.scale,
          docWidth: document.documentElement.scrollWidth,
        }
      })
      // Inside the visible part of the page, and at the screen's own scale (not shrunk with a zoomed-out page).
      expect(box.left).toBeGreaterThanOrEqual(box.vvLeft)
      expect(box.right).toBeLessThanOrEqual(box.vvLeft + box.vvWidth + 0.5)
      expect(box.top).toBeGreaterThanOrEqual(box.vvTop)
      expect(box.bottom).toBeLessThanOrEqual(box.vvTop + box.vvHeight + 0.5)
      expect((box.right - box.left) * box.scale).toBeLessThanOrEqual(366)
      expect((box.right - box.left) * box.scale).toBeGreaterThan(200)
      if (path === 'wide.html') {
        expect(box.docWidth).toBeGreaterThan(390)
        console.log(
          `wide page on a 390 px phone: visual viewport ${box.vvWidth.toFixed(0)} CSS px at scale ${box.scale.toFixed(3)}; box ${((box.right - box.left) * box.scale).toFixed(0)} screen px wide`,
        )
      }
      await page.screenshot({ path: `${ARTIFACTS}phone-prompt${path === 'wide.html' ? '-wide' : ''}.png` })
      const listed = await poll(alerts, (list) => list.some((a) => a.session === session), 15_000, 250)
      expect(listed.find((a) => a.session === session)).toMatchObject({
        device: 'mobile',
        browser: 'Chrome',
        os: 'Android',
        referrer: 'search.example',
      })
      await context.close()
    }
  }, 180_000)
})
