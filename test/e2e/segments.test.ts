import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

const CHROME_LINUX_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'
const FIREFOX_WINDOWS_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const DESKTOP = { viewport: { width: 1280, height: 800 } }

type Hotspot = { selector: string; clicks: number; sessions: number }

// Segments end to end: visitors of three kinds (desktop Chrome on Linux, desktop
// Firefox on Windows, an iPhone) use the demo shop for real; friction on a checkout
// page is seeded through the collector with the same user agents. Each filter is then
// chosen in the dashboard, and the heatmap, the Sessions list and the Friction view
// must show exactly that segment's visitors.
describe('device, browser and OS filters in the dashboard', () => {
  let collector: TestCollector
  let browser: Browser
  let dash: Page
  const sid = { chrome: '', firefox: '', phone: '' }
  const seeded = { chrome: [] as string[], phone: [] as string[] }
  let shop = ''

  /** One real visit of the demo shop; clicks each selector `n` times, slowly and spread out (never rage); returns the session id. */
  async function visit(options: BrowserContextOptions, clicks: Array<[string, number]>): Promise<string> {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    await page.goto(shop)
    await page.waitForFunction(
      () => typeof (window as { wince?: unknown }).wince === 'function' && !('q' in (window as any).wince),
    )
    await page.waitForLoadState('networkidle')
    for (const [selector, n] of clicks) {
      const box = (await page.locator(selector).boundingBox())!
      for (let i = 0; i < n; i++) {
        await page.mouse.click(box.x + box.width * (0.3 + 0.2 * (i % 3)), box.y + box.height * (0.3 + 0.2 * (i % 2)))
        await page.waitForTimeout(400)
      }
    }
    const id = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid') ?? '""') as string)
    await page.waitForTimeout(300)
    await context.close() // pagehide sends what is queued
    return id
  }

  /** One seeded session on the checkout page: a page view and one signal, sent as that browser would. */
  async function seed(ua: string, vw: number, type: string, sel: string): Promise<string> {
    const origin = new URL(shop).origin
    const session = `seg${Math.random().toString(36).slice(2, 12)}`
    const at = Date.now() - 60_000
    const rand = () => Math.random().toString(36).slice(2, 12)
    const beacon = {
      v: 1,
      s: 'demo',
      sid: session,
      pv: `pv${rand()}`,
      ev: [
        { k: 'page', id: `p${rand()}`, t: at, u: `${origin}/checkout`, vw, vh: 800 },
        {
          k: 'signal',
          id: `s${rand()}`,
          t: at + 100,
          u: `${origin}/checkout`,
          type,
          sel,
          lb: sel.startsWith('a') ? 'link' : 'button',
          x: 10,
          y: 20,
          n: type === 'rage_click' ? 4 : 1,
          ms: 1000,
          why: 'no-response',
        },
      ],
    }
    const res = await fetch(`${collector.url}/v1/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin, 'user-agent': ua },
      body: JSON.stringify(beacon),
    })
    expect(res.status).toBe(202)
    return session
  }

  beforeAll(async () => {
    collector = await startCollector()
    browser = await launchChromium()
    shop = `${collector.url}/demo/`.replace('127.0.0.1', 'localhost')
    // The three visits run side by side: each has its own context, session and user agent.
    ;[sid.chrome, sid.firefox, sid.phone] = await Promise.all([
      visit({ ...DESKTOP, userAgent: CHROME_LINUX_UA }, [
        ['#add-to-basket', 3],
        ['#qty-plus', 1],
      ]),
      visit({ ...DESKTOP, userAgent: FIREFOX_WINDOWS_UA }, [['#add-to-basket', 2]]),
      visit({ viewport: { width: 390, height: 844 }, userAgent: PHONE_UA, isMobile: true, hasTouch: true }, [
        ['#add-to-basket', 1],
      ]),
    ])
    for (let i = 0; i < 2; i++) seeded.chrome.push(await seed(CHROME_LINUX_UA, 1280, 'rage_click', 'button#pay'))
    for (let i = 0; i < 3; i++) seeded.phone.push(await seed(PHONE_UA, 390, 'dead_click', 'a#help'))
    // Everything is stored before the dashboard looks: the desktop clicks of both browsers, and the five seeded sessions.
    await poll(
      () => collector.api<{ hotspots: Hotspot[] }>(`/api/heatmap?site=demo&vc=desktop&url=${encodeURIComponent(shop)}`),
      (h) => h.hotspots.reduce((n, s) => n + s.clicks, 0) >= 6,
      20_000,
    )
    await poll(
      () => collector.api<{ sessions: unknown[] }>('/api/sessions?site=demo'),
      (r) => r.sessions.length >= 8,
      20_000,
    )
    dash = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await dash.goto(`${collector.url}/?token=${E2E_TOKEN}`)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await collector?.close()
  })

  /** Types a browser or OS family into a filter and leaves the field, as a person does. */
  async function type(testId: 'segment-browser' | 'segment-os', value: string) {
    const field = dash.getByTestId(testId)
    await field.fill(value)
    await field.press('Tab')
  }
  /** The rows a list shows once it has settled on `expected` (or its last state, for the failure message). */
  async function rowsOf(read: () => Promise<unknown>, expected: unknown): Promise<unknown> {
    return poll(read, (v) => JSON.stringify(v) === JSON.stringify(expected), 10_000).catch(() => read())
  }

  it('narrows the heatmap hotspots and their sessions to a browser and an OS', async () => {
    await dash.goto(
      `${collector.url}/?view=heatmaps&site=demo&vc=desktop&layer=clicks&page=${encodeURIComponent(shop)}`,
    )
    const hotspots = () =>
      dash
        .getByTestId('hotspot')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-selector'), Number(e.getAttribute('data-clicks'))]))
    const basket = (rows: unknown) => (rows as Array<[string, number]>).map(([s, n]) => [s.replace(/^.*#/, '#'), n])
    const shown = async () => basket(await hotspots())

    expect(
      await rowsOf(shown, [
        ['#add-to-basket', 5],
        ['#qty-plus', 1],
      ]),
    ).toEqual([
      ['#add-to-basket', 5],
      ['#qty-plus', 1],
    ])
    await type('segment-browser', 'Firefox')
    expect(await rowsOf(shown, [['#add-to-basket', 2]])).toEqual([['#add-to-basket', 2]])
    // The hotspot's sessions are the Firefox visitor's only.
    await dash.getByTestId('hotspot').first().locator('button').click()
    const sessions = () =>
      dash.getByTestId('hotspot-session').evaluateAll((els) => els.map((e) => e.getAttribute('data-session')))
    expect(await rowsOf(sessions, [sid.firefox])).toEqual([sid.firefox])

    await type('segment-browser', '')
    await type('segment-os', 'Linux')
    expect(
      await rowsOf(shown, [
        ['#add-to-basket', 3],
        ['#qty-plus', 1],
      ]),
    ).toEqual([
      ['#add-to-basket', 3],
      ['#qty-plus', 1],
    ])
    // The phone is mobile: on the desktop heatmap, no Safari visitor clicked.
    await type('segment-os', '')
    await type('segment-browser', 'Mobile Safari')
    expect(await rowsOf(shown, [])).toEqual([])
    await dash.getByText(/Nothing on this layer for this page, size, browser and OS/).waitFor({ timeout: 10_000 })
    // At the phone's size it is there: a phone zoomed out over the shop's too-wide content still has a phone's layout.
    await dash.getByTestId('heatmap-vc').selectOption('mobile')
    expect(await rowsOf(shown, [['#add-to-basket', 1]])).toEqual([['#add-to-basket', 1]])
    // And the link keeps the filter: reopened, it shows the same.
    expect(new URL(dash.url()).searchParams.get('browser')).toBe('Mobile Safari')
  })

  it('narrows the Sessions list to a device class, a browser and an OS', async () => {
    await dash.goto(`${collector.url}/?view=sessions&site=demo`)
    const listed = () =>
      dash.getByTestId('session-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-session')).sort())
    const all = [sid.chrome, sid.firefox, sid.phone, ...seeded.chrome, ...seeded.phone].sort()
    expect(await rowsOf(listed, all)).toEqual(all)
    await dash.getByTestId('segment-device').selectOption('mobile')
    const phones = [sid.phone, ...seeded.phone].sort()
    expect(await rowsOf(listed, phones)).toEqual(phones)
    await dash.getByTestId('segment-device').selectOption('')
    await type('segment-browser', 'Firefox')
    expect(await rowsOf(listed, [sid.firefox])).toEqual([sid.firefox])
    await type('segment-browser', '')
    await type('segment-os', 'Linux')
    const linux = [sid.chrome, ...seeded.chrome].sort()
    expect(await rowsOf(listed, linux)).toEqual(linux)
  })

  it('narrows every part of the Friction view to the segment chosen', async () => {
    await dash.goto(`${collector.url}/?view=friction&site=demo`)
    const view = async () => ({
      elements: await dash
        .locator('[data-testid="friction-elements"] tbody tr[data-selector]')
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-selector'), r.querySelectorAll('td')[2]?.textContent]),
        ),
      pages: await dash
        .locator('[data-testid="friction-pages"] tbody tr[data-url]')
        .evaluateAll((rows) =>
          rows.map((r) => [new URL(r.getAttribute('data-url')!).pathname, r.querySelectorAll('td')[0]?.textContent]),
        ),
      issues: await dash
        .getByTestId('issue-row')
        .evaluateAll((rows) => rows.map((r) => r.textContent?.match(/button#pay|a#help/)?.[0] ?? r.textContent)),
      trend: await dash
        .getByTestId('trend-bar')
        .evaluateAll((bars) => bars.reduce((n, b) => n + Number(b.getAttribute('data-total')), 0)),
    })
    const everyone = {
      elements: [
        ['a#help', '3'],
        ['button#pay', '2'],
      ],
      pages: [['/checkout', '5']],
      issues: ['a#help', 'button#pay'],
      trend: 5,
    }
    expect(await rowsOf(view, everyone)).toEqual(everyone)
    // The pickers offer the families seen, named as the filters take them (an iPhone's browser is Mobile Safari).
    const offered = (id: string) =>
      dash
        .getByTestId(id)
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(await offered('segment-browsers')).toEqual(['Mobile Safari', 'Chrome', 'Firefox'])
    expect(await offered('segment-os-list')).toEqual(['iOS', 'Linux', 'Windows'])

    await dash.getByTestId('segment-device').selectOption('mobile')
    const phones = { elements: [['a#help', '3']], pages: [['/checkout', '3']], issues: ['a#help'], trend: 3 }
    expect(await rowsOf(view, phones)).toEqual(phones)

    await dash.getByTestId('segment-device').selectOption('')
    await type('segment-browser', 'Chrome')
    const chrome = { elements: [['button#pay', '2']], pages: [['/checkout', '2']], issues: ['button#pay'], trend: 2 }
    expect(await rowsOf(view, chrome)).toEqual(chrome)

    // Windows: the Firefox visitor only clicked what works — nothing to show, and the view says so.
    await type('segment-browser', '')
    await type('segment-os', 'Windows')
    const none = { elements: [], pages: [], issues: [], trend: 0 }
    expect(await rowsOf(view, none)).toEqual(none)
    await dash.getByText('No signals from these visitors in this range.').first().waitFor({ timeout: 10_000 })

    // The Issues view shares the segment: its list counts the same visitors.
    await type('segment-os', 'iOS')
    expect(await rowsOf(view, phones)).toEqual(phones)
    await dash.getByRole('tab', { name: 'Issues' }).click()
    await poll(
      () => dash.getByTestId('issue-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? '')),
      (rows) => rows.length === 1 && rows[0]!.includes('a#help'),
      10_000,
    )
    expect(await dash.getByTestId('segment-os').inputValue()).toBe('iOS')
    // A link to the view keeps the segment: opened again, it shows the same issues.
    expect(new URL(dash.url()).searchParams.get('os')).toBe('iOS')
    await dash.goto(dash.url())
    await poll(
      () => dash.getByTestId('issue-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? '')),
      (rows) => rows.length === 1 && rows[0]!.includes('a#help'),
      10_000,
    )

    // A family that cannot be one is refused by the API, and the view says which field.
    await dash.getByRole('tab', { name: 'Friction' }).click()
    await type('segment-os', '<b>')
    await dash
      .getByText(/os: an OS family such as Windows or iOS/)
      .first()
      .waitFor({ timeout: 10_000 })
  })
})
